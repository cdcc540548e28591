import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { memberForPage } from "@/lib/auth/page-guards";
import { partnerAbilities } from "@/lib/auth/abilities";
import { pickerRoles } from "@/components/admin-relationships/picker-roles";
import { CLOUD_RULES } from "@/lib/clouds";
import { db } from "@/lib/db";
import { listActiveProviders } from "@/lib/partnerships/queries";
import { InviteForm } from "./invite-form";
import { ClientMessages } from "@/components/shell/client-messages";

export default async function NewInvitationPage({ params }: { params: Promise<{ partnerId: string }> }) {
  const { partnerId } = await params;
  const member = await memberForPage(partnerId, "partner", `/partner/${partnerId}/invitations/new`);
  const may = partnerAbilities(member);
  const t = await getTranslations("partner.invite");
  // Two-tier: an indirect reseller invites through one of its active providers.
  const providers =
    member.organization.partnerType === "indirect_reseller" && may.writeInvitations ? await listActiveProviders(db(), member) : null;
  return (
    <ClientMessages namespaces={["partner.invite", "requestAdminRelationship"]}>
      <section className="max-w-xl">
        <PageHeader title={t("title")} />
        {may.writeInvitations ? (
          <div className="space-y-4">
            <p className="text-sm text-gray-700">{t("intro")}</p>
            {providers?.length === 0 ? <Alert tone="warning">{t("noProviders")}</Alert> : null}
            <InviteForm
              partnerId={partnerId}
              providers={providers}
              roles={
                may.requestAdminRelationships && CLOUD_RULES[member.organization.cloud].adminRelationships ? await pickerRoles() : null
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
