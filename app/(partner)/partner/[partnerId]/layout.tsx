import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { OrgBar, type NavLink } from "@/components/shell/org-bar";
import { Alert } from "@/components/ui/alert";
import { memberForPage } from "@/lib/auth/page-guards";
import { partnerAbilities } from "@/lib/auth/abilities";

type Props = { children: ReactNode; params: Promise<{ partnerId: string }> };

export default async function PartnerLayout({ children, params }: Props) {
  const { partnerId } = await params;
  const [t, member] = await Promise.all([getTranslations(), memberForPage(partnerId, "partner", `/partner/${partnerId}/customers`)]);
  const org = member.organization;
  const base = `/partner/${org.id}`;
  const may = partnerAbilities(member);
  const links = [
    may.seeCustomers && { href: `${base}/customers`, label: t("nav.customers") },
    may.seeCustomers && { href: `${base}/expiring`, label: t("expiring.nav") },
    may.seeInvitations && { href: `${base}/invitations`, label: t("nav.invitations") },
    may.seeSubscriptions && { href: `${base}/subscriptions`, label: t("partnerSubscriptions.nav") },
    may.invite && { href: `${base}/invitations/new`, label: t("nav.inviteCustomer") },
    may.seeResellers && { href: `${base}/resellers`, label: t("partnerships.navResellers") },
    may.seeProviders && { href: `${base}/providers`, label: t("partnerships.navProviders") },
    may.seeGroups && { href: `${base}/groups`, label: t("groups.nav") },
    (may.seeCustomers || may.requestAdminRelationships) && { href: `${base}/templates`, label: t("templates.nav") },
    may.seeActivity && { href: `${base}/activity`, label: t("activity.nav") },
    { href: `${base}/team`, label: t("team.nav") },
    (may.manageApiKeys || may.manageWebhooks) && { href: `${base}/api`, label: t("apiKeys.nav") },
  ].filter((l): l is NavLink => Boolean(l));
  return (
    <div className="space-y-6">
      <OrgBar
        name={org.name}
        subtitle={[
          org.partnerType ? t(`partnerTypes.${org.partnerType}`) : null,
          t(`clouds.${org.cloud}`),
          org.partnerPublicId,
          member.roles.map((r) => t(`roles.${r}`)).join(", "),
        ]
          .filter(Boolean)
          .join(" · ")}
        links={links}
        navLabel={t("nav.main")}
      />
      {org.partnerState !== "active" && (
        <Alert tone="warning" role="status">
          {org.partnerState === "suspended" ? t("partnerStates.suspendedNotice") : t("partnerStates.offboardedNotice")}
        </Alert>
      )}
      {children}
    </div>
  );
}
