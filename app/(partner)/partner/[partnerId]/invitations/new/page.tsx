import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { memberForPage } from "@/lib/auth/page-guards";
import { hasPermission } from "@/lib/auth/permissions";
import { pickerRoles } from "@/components/admin-relationships/picker-roles";
import { CLOUD_RULES } from "@/lib/clouds";
import { InviteForm } from "./invite-form";

export default async function NewInvitationPage({ params }: { params: Promise<{ partnerId: string }> }) {
  const { partnerId } = await params;
  const member = await memberForPage(partnerId, "partner", `/partner/${partnerId}/invitations/new`);
  const t = await getTranslations("partner.invite");
  return (
    <section className="max-w-xl">
      <PageHeader title={t("title")} />
      {hasPermission(member.roles, "invitations.write") ? (
        <div className="space-y-4">
          <p className="text-sm text-gray-700">{t("intro")}</p>
          <InviteForm
            partnerId={partnerId}
            roles={hasPermission(member.roles, "admin_relationships.write") && CLOUD_RULES[member.organization.cloud].adminRelationships ? await pickerRoles() : null}
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
  );
}
