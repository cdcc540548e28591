import { getTranslations } from "next-intl/server";
import { pickerRoles } from "@/components/admin-relationships/picker-roles";
import { ClientMessages } from "@/components/shell/client-messages";
import { Forbidden } from "@/components/shell/forbidden";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { TemplateForm } from "@/components/templates/template-form";
import { listGroups } from "@/lib/access/queries";
import { partnerAbilities } from "@/lib/auth/abilities";
import { memberForPage } from "@/lib/auth/page-guards";
import { db } from "@/lib/db";

export default async function NewTemplatePage({ params }: { params: Promise<{ partnerId: string }> }) {
  const { partnerId } = await params;
  const base = `/partner/${partnerId}/templates`;
  const member = await memberForPage(partnerId, "partner", `${base}/new`);
  if (!partnerAbilities(member).requestAdminRelationships) return <Forbidden orgName={member.organization.name} />;
  const [t, roles, groups] = await Promise.all([getTranslations(), pickerRoles(), listGroups(db(), member)]);
  return (
    <ClientMessages namespaces={["templates", "requestAdminRelationship"]}>
      <section className="max-w-2xl space-y-4">
        <Link href={base} className="text-sm">
          ← {t("templates.back")}
        </Link>
        <PageHeader title={t("templates.newTitle")} />
        <p className="text-sm text-gray-700">{t("templates.intro")}</p>
        <TemplateForm partnerId={partnerId} roles={roles} groups={groups} />
      </section>
    </ClientMessages>
  );
}
