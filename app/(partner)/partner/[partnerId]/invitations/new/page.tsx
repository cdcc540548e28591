import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { memberForPage } from "@/lib/auth/page-guards";
import { hasPermission } from "@/lib/auth/permissions";
import { pickerRoles } from "@/components/admin-relationships/picker-roles";
import { CLOUD_RULES } from "@/lib/clouds";
import { db } from "@/lib/db";
import { listActiveProviders } from "@/lib/partnerships/queries";
import { InviteForm } from "./invite-form";
import { ClientMessages } from "@/components/shell/client-messages";

export default async function NewInvitationPage({ params }: { params: Promise<{ partnerId: string }> }) {
  const { partnerId } = await params;
  const member = await memberForPage(partnerId, "partner", `/partner/${partnerId}/invitations/new`);
  const t = await getTranslations("partner.invite");
  // Two-tier: an indirect reseller invites through one of its active providers.
  const providers =
    member.organization.partnerType === "indirect_reseller" ? await listActiveProviders(db(), member.organization.id) : null;
  return (
    <ClientMessages namespaces={["partner.invite", "requestAdminRelationship"]}>
      <section className="max-w-xl">
        <PageHeader title={t("title")} />
        {hasPermission(member.roles, "invitations.write") ? (
          <div className="space-y-4">
            <p className="text-sm text-gray-700">{t("intro")}</p>
            {providers?.length === 0 ? <Alert tone="warning">{t("noProviders")}</Alert> : null}
            <InviteForm
              partnerId={partnerId}
              providers={providers}
              roles={
                hasPermission(member.roles, "admin_relationships.write") && CLOUD_RULES[member.organization.cloud].adminRelationships
                  ? await pickerRoles()
                  : null
              }
            />
          </div>
        ) : (
          <div data-authz="refused">
            <Alert tone="warning" role="alert">
              {t("noPermission")}
            </Alert>
          </div>
        )}
      </section>
    </ClientMessages>
  );
}
