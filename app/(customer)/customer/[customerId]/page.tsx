import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/format";
import { ActivityList } from "@/components/activity/activity-list";
import { CustomerRelationshipCard } from "@/components/admin-relationships/customer-relationship-card";
import { Forbidden } from "@/components/shell/forbidden";
import { SubscriptionsTable } from "@/components/subscriptions/subscriptions-table";
import { AssignSupportForm, EndSupportButton } from "@/components/support/support-forms";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { Table, Td } from "@/components/ui/table";
import { memberForPage, readForPage, REFUSED } from "@/lib/auth/page-guards";
import { readCustomerDashboard } from "@/lib/customers/dashboard";
import { signInFreshness } from "@/lib/auth/session";
import { countryName } from "@/lib/countries";
import { db } from "@/lib/db";
import { ClientMessages } from "@/components/shell/client-messages";
import { PartnerStateBadge } from "@/components/operator/partner-state-badge";
import { RecordSubscriptionForm } from "@/components/subscriptions/new-subscription-forms";
import { SubscriptionControls } from "@/components/subscriptions/subscription-controls";

export default async function CustomerDashboard({ params }: { params: Promise<{ customerId: string }> }) {
  const { customerId } = await params;
  const member = await memberForPage(customerId, "customer", `/customer/${customerId}`);
  const page = await readForPage(async () => await readCustomerDashboard(db(), member));
  if (page === REFUSED) return <Forbidden orgName={member.organization.name} />;
  const [t, format, locale, signIn] = await Promise.all([getTranslations(), getFormatter(), getLocale(), signInFreshness()]);
  const org = member.organization;
  const { partners, may, subscriptions, activity, adminRelationships, offered, supportCandidates } = page;

  return (
    <ClientMessages namespaces={["support", "customerAdminRelationships", "adminRelationships", "accessAssignments", "subscriptionOps"]}>
      <div className="space-y-8">
        <div>
          <PageHeader title={org.name}>
            <Link href={`/customer/${org.id}/users`} className="text-sm">
              {t("team.navCustomer")}
            </Link>
          </PageHeader>
          <p className="text-sm text-gray-700">
            {t("customer.domain", { domain: org.primaryDomain })} · {countryName(org.country, locale)} ·{" "}
            {t("customer.cloud", { cloud: t(`clouds.${org.cloud}`) })}
          </p>
        </div>
        <Section id="partners" title={t("customer.partners")}>
          <p className="text-sm text-gray-700">{t("customer.partnersIntro")}</p>
          {partners.length === 0 ? (
            <EmptyState>{t("customer.noPartners")}</EmptyState>
          ) : (
            <Table
              caption={t("customer.partners")}
              head={[
                t("customer.partner"),
                t("customer.partnerType"),
                t("customer.partnerId"),
                t("customer.adminRoles"),
                t("customer.since"),
                may.removePartners ? t("partner.invitations.actions") : "",
              ].filter(Boolean)}
            >
              {partners.map((p) => (
                <tr key={p.id} data-testid={`partner-${p.name}`}>
                  <Td className="font-medium">
                    {p.name} {p.partnerState !== "active" && <PartnerStateBadge state={p.partnerState} />}
                  </Td>
                  <Td>
                    {p.partnerType ? t(`partnerTypes.${p.partnerType}`) : "—"}
                    {p.providerName && (
                      <p className="text-xs text-gray-600">{t("customer.throughProvider", { provider: p.providerName })}</p>
                    )}
                    {p.resellerName && <p className="text-xs text-gray-600">{t("customer.viaReseller", { reseller: p.resellerName })}</p>}
                  </Td>
                  <Td>{p.partnerPublicId ?? "—"}</Td>
                  <Td>
                    {p.adminRoles.length === 0
                      ? t("customer.noAdminRoles")
                      : p.adminRoles.map((r) => t(`directoryRoles.${r}.name`)).join(", ")}
                  </Td>
                  <Td>{format.dateTime(p.since, { dateStyle: "long" })}</Td>
                  {may.removePartners && (
                    <Td>
                      <Link href={`/customer/${org.id}/partners/${p.id}/remove`} className="whitespace-nowrap text-sm text-red-800">
                        {t("removal.linkCustomer")}
                      </Link>
                    </Td>
                  )}
                </tr>
              ))}
            </Table>
          )}
        </Section>
        <Section id="pending-requests" title={t("customerAdminRelationships.pendingTitle")}>
          {adminRelationships.pending.length === 0 ? (
            <EmptyState>{t("customerAdminRelationships.pendingNone")}</EmptyState>
          ) : (
            adminRelationships.pending.map((r) => (
              <CustomerRelationshipCard key={r.id} customerId={org.id} row={r} canDecide={may.decideAdminRelationships} signIn={signIn} />
            ))
          )}
        </Section>
        <Section id="admin-roles" title={t("customerAdminRelationships.activeTitle")}>
          {adminRelationships.inForce.length === 0 ? (
            <EmptyState>{t("customerAdminRelationships.activeNone")}</EmptyState>
          ) : (
            adminRelationships.inForce.map((r) => (
              <CustomerRelationshipCard key={r.id} customerId={org.id} row={r} canDecide={may.decideAdminRelationships} signIn={signIn} />
            ))
          )}
        </Section>
        <Section id="subscriptions" title={t("customer.subscriptions")}>
          {may.assignSupport && <p className="text-sm text-gray-700">{t("support.intro")}</p>}
          <SubscriptionsTable
            rows={subscriptions}
            caption={t("customer.subscriptions")}
            emptyText={t("customer.noSubscriptions")}
            actions={
              may.recordSubscriptions
                ? (s) => (s.partnerOfRecordId === null ? <SubscriptionControls organizationId={org.id} subscription={s} /> : null)
                : undefined
            }
            supportControls={
              may.assignSupport
                ? (s) =>
                    s.state !== "active" ? null : s.supportable === false ? (
                      // The catalog says no other partner may support this product (the service refuses it too).
                      <p className="text-xs text-gray-600">{t("support.notSupportable")}</p>
                    ) : s.supportAssignmentId && s.supportPartner ? (
                      <EndSupportButton
                        customerId={org.id}
                        assignmentId={s.supportAssignmentId}
                        product={s.product}
                        partner={s.supportPartner}
                      />
                    ) : supportCandidates.some((p) => p.id !== s.partnerOfRecordId) ? (
                      <AssignSupportForm
                        customerId={org.id}
                        subscriptionId={s.id}
                        product={s.product}
                        partners={supportCandidates.filter((p) => p.id !== s.partnerOfRecordId)}
                      />
                    ) : (
                      // Only partners holding admin roles here can support it, and not the one that sold it.
                      <p className="text-xs text-gray-600">{t("support.noCandidates")}</p>
                    )
                : undefined
            }
          />
        </Section>
        {may.recordSubscriptions && (
          <Section id="record-subscription" title={t("subscriptionOps.recordTitle")}>
            <p className="text-sm text-gray-700">{t("subscriptionOps.recordIntro")}</p>
            {offered.length === 0 ? (
              <p className="text-sm text-gray-600">{t("subscriptionOps.noProducts")}</p>
            ) : (
              <RecordSubscriptionForm customerId={org.id} products={offered} />
            )}
          </Section>
        )}
        <Section id="activity" title={t("customer.activity")}>
          <ActivityList rows={activity} emptyText={t("customer.noActivity")} />
          {may.seeActivity && (
            <Link href={`/customer/${org.id}/activity`} className="text-sm">
              {t("activity.title")} →
            </Link>
          )}
        </Section>
      </div>
    </ClientMessages>
  );
}
