import { getTranslations } from "next-intl/server";
import { Forbidden } from "@/components/shell/forbidden";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { listGroups } from "@/lib/access/queries";
import { partnerAbilities } from "@/lib/auth/abilities";
import { memberForPage } from "@/lib/auth/page-guards";
import { db } from "@/lib/db";
import { listTemplates } from "@/lib/templates/queries";

export default async function TemplatesPage({ params }: { params: Promise<{ partnerId: string }> }) {
  const { partnerId } = await params;
  const base = `/partner/${partnerId}/templates`;
  const member = await memberForPage(partnerId, "partner", base);
  const may = partnerAbilities(member);
  if (!may.seeCustomers && !may.requestAdminRelationships) return <Forbidden orgName={member.organization.name} />;
  const [t, templates, groups] = await Promise.all([getTranslations(), listTemplates(db(), member), listGroups(db(), member)]);
  const groupNames = new Map(groups.map((g) => [g.id, g.name]));
  return (
    <section className="space-y-4">
      <PageHeader title={t("templates.title")}>
        {may.requestAdminRelationships && (
          <Link
            href={`${base}/new`}
            className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white no-underline hover:bg-blue-800"
          >
            {t("templates.new")}
          </Link>
        )}
      </PageHeader>
      <p className="max-w-3xl text-sm text-gray-700">{t("templates.intro")}</p>
      {!may.requestAdminRelationships && <Alert tone="info">{t("templates.readOnly")}</Alert>}
      {templates.length === 0 ? (
        <EmptyState>{t("templates.empty")}</EmptyState>
      ) : (
        <Table
          caption={t("templates.title")}
          head={[t("templates.name"), t("templates.version"), t("templates.roles"), t("templates.duration"), t("templates.groups")]}
        >
          {templates.map((tpl) => (
            <tr key={tpl.id}>
              <Td>
                <Link href={`${base}/${tpl.id}`}>{tpl.name}</Link>
              </Td>
              <Td>{t("templates.versionN", { version: tpl.version })}</Td>
              <Td>{tpl.roles.map((r) => t(`directoryRoles.${r}.name`)).join(", ")}</Td>
              <Td>
                {t("templates.days", { days: tpl.durationDays })}
                {tpl.autoExtend && ` · ${t("templates.autoExtend")}`}
              </Td>
              <Td>{tpl.groupRoles.map((g) => groupNames.get(g.groupId) ?? g.groupId).join(", ") || t("templates.groupsNone")}</Td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
