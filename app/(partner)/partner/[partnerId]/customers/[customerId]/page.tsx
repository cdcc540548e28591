import { isInGoodStanding } from "@/lib/partners/standing";
import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/format";
import { EffectiveRoles } from "@/components/access/effective-roles";
import { RelationshipAccess } from "@/components/access/relationship-access";
import { ActivityList } from "@/components/activity/activity-list";
import { AdminRelationshipStateBadge } from "@/components/admin-relationships/state-badge";
import { TerminateForm } from "@/components/admin-relationships/terminate-form";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td } from "@/components/ui/table";
import { Forbidden } from "@/components/shell/forbidden";
import { SubscriptionsTable } from "@/components/subscriptions/subscriptions-table";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { isInForce } from "@/lib/admin-relationships/states";
import { memberForPage, readForPage, REFUSED } from "@/lib/auth/page-guards";
import { readPartnerCustomerPage } from "@/lib/partners/customer-page";
import { countryName } from "@/lib/countries";
import { db } from "@/lib/db";
import { RecordSupportActionForm } from "@/components/support/support-forms";
import { ClientMessages } from "@/components/shell/client-messages";
import { CreateSubscriptionForm } from "@/components/subscriptions/new-subscription-forms";
import { SubscriptionControls } from "@/components/subscriptions/subscription-controls";
import { RequestFromTemplate } from "@/components/templates/request-from-template";
import { listTemplates } from "@/lib/templates/queries";

type Props = { params: Promise<{ partnerId: string; customerId: string }> };

export default async function PartnerCustomerPage({ params }: Props) {
  const { partnerId, customerId } = await params;
  const member = await memberForPage(partnerId, "partner", `/partner/${partnerId}/customers/${customerId}`);
  const page = await readForPage(async () => await readPartnerCustomerPage(db(), member, customerId));
  if (page === REFUSED) return <Forbidden orgName={member.organization.name} />;
  const [t, format, locale] = await Promise.all([getTranslations(), getFormatter(), getLocale()]);
  const { customer, relationship, otherPartnerCount, current, may, adminRelationships, inForce, assignments, groups } = page;
  const { subscriptions, activity, myRoles, supported, channel, offered } = page;
  const available = page.adminRelationshipsAvailable;
  const inGoodStanding = isInGoodStanding(member.organization);
  const canRequest = may.manageAdminRelationships && available && current;
  const templates = canRequest ? await listTemplates(db(), member) : [];

  return (
    <ClientMessages
      namespaces={["support", "adminRelationships", "customerAdminRelationships", "accessAssignments", "subscriptionOps", "templates"]}
    >
      <div className="space-y-8">
        <div>
          <Link href={`/partner/${partnerId}/customers`} className="text-sm">
            ← {t("partner.customer.backToList")}
          </Link>
          <PageHeader title={customer.name} />
          <p className="text-sm text-gray-700">
            {customer.primaryDomain} · {countryName(customer.country, locale)} · {t(`clouds.${customer.cloud}`)}
          </p>
        </div>
        <Section id="relationship" title={t("partner.customer.relationship")}>
          <p className="flex items-center gap-2 text-sm">
            <Badge tone={relationship.state === "active" ? "green" : "gray"}>{t(`relationshipStates.${relationship.state}`)}</Badge>
            {t("partner.customer.since", { date: format.dateTime(relationship.since, { dateStyle: "long" }) })}
          </p>
          {current ? (
            <p className="text-sm text-gray-700">{t("partner.customer.otherPartners", { count: otherPartnerCount })}</p>
          ) : (
            <p className="text-sm text-gray-700">{t("partner.customer.endedNotice")}</p>
          )}
          {channel.provider && (
            <p className="text-sm text-gray-700">{t("partner.customer.throughProvider", { provider: channel.provider })}</p>
          )}
          {channel.reseller && <p className="text-sm text-gray-700">{t("partner.customer.viaReseller", { reseller: channel.reseller })}</p>}
          {may.remove && (
            <Link href={`/partner/${partnerId}/customers/${customer.id}/remove`} className="text-sm text-red-800">
              {t("removal.link")}
            </Link>
          )}
        </Section>
        <Section id="effective-roles" title={t("effectiveRoles.title")}>
          <EffectiveRoles roles={myRoles} />
        </Section>
        <Section id="admin-relationships" title={t("adminRelationships.title")}>
          <p className="text-sm text-gray-700">
            {available ? t("adminRelationships.intro") : t("adminRelationships.unavailable", { cloud: t(`clouds.${customer.cloud}`) })}
          </p>
          {canRequest && (
            <Link
              href={`/partner/${partnerId}/customers/${customer.id}/admin-relationships/new`}
              className="inline-block rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white no-underline hover:bg-blue-800"
            >
              {t("adminRelationships.request")}
            </Link>
          )}
          {canRequest && templates.length > 0 && (
            <RequestFromTemplate partnerId={partnerId} customerId={customer.id} templates={templates} />
          )}
          {adminRelationships.length === 0 ? (
            <EmptyState>{t("adminRelationships.none")}</EmptyState>
          ) : (
            <Table
              caption={t("adminRelationships.title")}
              head={[
                t("adminRelationships.name"),
                t("adminRelationships.roles"),
                t("adminRelationships.state"),
                t("adminRelationships.ends"),
                t("partner.invitations.actions"),
              ]}
            >
              {adminRelationships.map((r) => (
                <tr key={r.id} data-testid={`admin-relationship-${r.name}`}>
                  <Td className="font-medium">{r.name}</Td>
                  <Td>{r.roles.map((role) => t(`directoryRoles.${role}.name`)).join(", ")}</Td>
                  <Td>
                    <AdminRelationshipStateBadge state={r.state} />
                  </Td>
                  <Td>
                    {r.endsAt
                      ? format.dateTime(r.endsAt, { dateStyle: "medium" })
                      : t("adminRelationships.durationDays", { days: r.durationDays })}
                  </Td>
                  <Td>
                    <div className="flex flex-wrap items-start gap-2">
                      {may.manageAdminRelationships && available && current && (
                        <Link
                          href={`/partner/${partnerId}/customers/${customer.id}/admin-relationships/new?replaces=${r.id}`}
                          className="rounded-md border border-gray-300 bg-white px-4 py-2 text-sm font-medium no-underline hover:bg-gray-50"
                        >
                          {t("adminRelationships.replace")}
                        </Link>
                      )}
                      {may.manageAdminRelationships && isInForce(r.state) ? (
                        <TerminateForm
                          organizationId={member.organization.id}
                          relationshipId={r.id}
                          name={r.name}
                          partnerName={member.organization.name}
                          side="partner"
                        />
                      ) : null}
                    </div>
                  </Td>
                </tr>
              ))}
            </Table>
          )}
          {adminRelationships.length > 0 && <p className="text-xs text-gray-600">{t("adminRelationships.replaceHint")}</p>}
          {inForce.map((r) => (
            <RelationshipAccess
              key={r.id}
              partnerId={partnerId}
              relationship={r}
              assignments={assignments.filter((a) => a.relationshipId === r.id)}
              groups={groups}
              canManage={may.manageAdminRelationships}
            />
          ))}
        </Section>
        {current && (
          <Section id="subscriptions" title={t("partner.customer.subscriptions")}>
            <SubscriptionsTable
              rows={subscriptions}
              caption={t("partner.customer.subscriptions")}
              emptyText={t("partner.customer.noSubscriptions")}
              actions={
                may.sell
                  ? (s) =>
                      s.partnerOfRecordId === member.organization.id ? (
                        <SubscriptionControls organizationId={member.organization.id} subscription={s} />
                      ) : null
                  : undefined
              }
            />
            {may.sell &&
              inGoodStanding &&
              (offered.length === 0 ? (
                <p className="text-sm text-gray-600">{t("subscriptionOps.noProducts")}</p>
              ) : (
                <CreateSubscriptionForm partnerId={member.organization.id} customerId={customer.id} products={offered} />
              ))}
            {may.sell && (
              <Link href={`/partner/${partnerId}/subscriptions/import`} className="text-sm">
                {t("subscriptionOps.importLink")}
              </Link>
            )}
          </Section>
        )}
        {current && (
          <Section id="supported" title={t("support.partnerTitle")}>
            <p className="text-sm text-gray-700">{t("support.partnerIntro")}</p>
            {supported.length === 0 ? (
              <EmptyState>{t("support.partnerNone")}</EmptyState>
            ) : (
              supported.map((s) => (
                <article
                  key={s.assignmentId}
                  className="space-y-3 rounded-md border border-gray-200 bg-white p-4"
                  data-testid={`supported-${s.product}`}
                >
                  <h3 className="flex flex-wrap items-center gap-2 font-medium">
                    {s.product} <Badge tone="blue">{t("support.notSold")}</Badge>
                  </h3>
                  <p className="text-sm text-gray-700">
                    {t("support.channel", { channel: t(`channels.${s.purchaseChannel}`), seats: s.seats })} ·{" "}
                    {t("support.since", { date: format.dateTime(s.since, { dateStyle: "medium" }) })}
                  </p>
                  {s.actions.length > 0 && (
                    <ul className="space-y-1 text-sm">
                      {s.actions.map((a) => (
                        <li key={a.id}>
                          <span className="text-gray-600">
                            {format.dateTime(a.createdAt, { dateStyle: "medium", timeStyle: "short" })} · {a.by}:
                          </span>{" "}
                          {a.note}
                        </li>
                      ))}
                    </ul>
                  )}
                  {may.recordSupport && <RecordSupportActionForm partnerId={partnerId} assignmentId={s.assignmentId} />}
                </article>
              ))
            )}
          </Section>
        )}
        <Section id="activity" title={t("partner.customer.activity")}>
          <ActivityList rows={activity} emptyText={t("partner.customer.noActivity")} />
        </Section>
      </div>
    </ClientMessages>
  );
}
