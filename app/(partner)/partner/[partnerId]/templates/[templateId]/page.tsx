import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/format";
import { pickerRoles } from "@/components/admin-relationships/picker-roles";
import { ClientMessages } from "@/components/shell/client-messages";
import { Forbidden } from "@/components/shell/forbidden";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { Table, Td } from "@/components/ui/table";
import { TemplateForm } from "@/components/templates/template-form";
import { TemplateSummary } from "@/components/templates/template-summary";
import { listGroups } from "@/lib/access/queries";
import { partnerAbilities } from "@/lib/auth/abilities";
import { memberForPage, orNotFound } from "@/lib/auth/page-guards";
import { db } from "@/lib/db";
import { deleteAdminTemplateAction } from "@/lib/templates/actions";
import { getTemplateOrThrow } from "@/lib/templates/queries";

type Props = { params: Promise<{ partnerId: string; templateId: string }> };

export default async function TemplatePage({ params }: Props) {
  const { partnerId, templateId } = await params;
  const base = `/partner/${partnerId}/templates`;
  const member = await memberForPage(partnerId, "partner", `${base}/${templateId}`);
  const may = partnerAbilities(member);
  if (!may.seeCustomers && !may.requestAdminRelationships) return <Forbidden orgName={member.organization.name} />;
  const template = await orNotFound(async () => await getTemplateOrThrow(db(), member, templateId));
  const [t, format, roles, groups] = await Promise.all([getTranslations(), getFormatter(), pickerRoles(), listGroups(db(), member)]);
  const groupNames = new Map(groups.map((g) => [g.id, g.name]));
  return (
    <ClientMessages namespaces={["templates", "requestAdminRelationship"]}>
      <section className="max-w-3xl space-y-6">
        <Link href={base} className="text-sm">
          ← {t("templates.back")}
        </Link>
        <PageHeader title={template.name} note={t("templates.versionN", { version: template.version })}>
          {may.requestAdminRelationships && (
            <ConfirmAction
              action={deleteAdminTemplateAction}
              fields={{ partnerId, templateId }}
              trigger={t("templates.delete")}
              question={t("templates.confirmDelete", { name: template.name })}
              confirmLabel={t("templates.confirmDeleteButton")}
            />
          )}
        </PageHeader>
        <TemplateSummary {...template} groupNames={groupNames} />
        <Section id="versions" title={t("templates.versions")}>
          <Table
            caption={t("templates.versions")}
            head={[t("templates.version"), t("templates.created_at"), t("templates.roles"), t("templates.relationships")]}
          >
            {template.versions.map((v) => (
              <tr key={v.id}>
                <Td>{t("templates.versionN", { version: v.version })}</Td>
                <Td>{format.dateTime(v.createdAt, { dateStyle: "medium", timeStyle: "short" })}</Td>
                <Td>{v.roles.map((r) => t(`directoryRoles.${r}.name`)).join(", ")}</Td>
                <Td>{format.number(v.relationships)}</Td>
              </tr>
            ))}
          </Table>
        </Section>
        {may.requestAdminRelationships && (
          <Section id="edit" title={t("templates.edit")}>
            <TemplateForm
              key={template.version}
              partnerId={partnerId}
              roles={roles}
              groups={groups}
              editing={{ ...template, templateId: template.id }}
            />
          </Section>
        )}
      </section>
    </ClientMessages>
  );
}
