import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/format";
import { InvitationStatusBadge } from "@/components/invitations/status-badge";
import { InviteResellerForm } from "@/components/partnerships/invite-reseller-form";
import { PartnershipsTable } from "@/components/partnerships/partnerships-table";
import { Forbidden } from "@/components/shell/forbidden";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { leavePastEnd, Pagination } from "@/components/ui/pagination";
import { Section } from "@/components/ui/section";
import { Table, Td } from "@/components/ui/table";
import { memberForPage } from "@/lib/auth/page-guards";
import { partnerAbilities } from "@/lib/auth/abilities";
import { systemClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { invitationStatus } from "@/lib/invitations/status";
import { parsePage } from "@/lib/pagination";
import { listInvitationsNamingProvider, listPartnerships, listResellerCustomers } from "@/lib/partnerships/queries";
import { ClientMessages } from "@/components/shell/client-messages";

type Props = { params: Promise<{ partnerId: string }>; searchParams: Promise<{ page?: string; customers?: string }> };

/** An indirect provider's resellers, the customers they brought through it, and their invitations naming it. */
export default async function ResellersPage({ params, searchParams }: Props) {
  const [{ partnerId }, sp] = await Promise.all([params, searchParams]);
  const base = `/partner/${partnerId}/resellers`;
  const member = await memberForPage(partnerId, "partner", base);
  const may = partnerAbilities(member);
  if (!may.seePartnerships) return <Forbidden orgName={member.organization.name} />;
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  if (member.organization.partnerType !== "indirect_provider") {
    return (
      <section className="space-y-4">
        <PageHeader title={t("partnerships.resellersTitle")} />
        <Alert tone="info">{t("partnerships.notProvider")}</Alert>
      </section>
    );
  }
  const now = systemClock();
  const partnerships = await listPartnerships(db(), member, "provider");
  const activeResellers = partnerships.filter((p) => p.state === "active").map((p) => p.otherId);
  const customers = await listResellerCustomers(db(), member, parsePage(sp.customers));
  const invitations = await listInvitationsNamingProvider(db(), member, parsePage(sp.page));
  leavePastEnd(customers, () => base);
  leavePastEnd(invitations, () => base);
  const canWrite = may.managePartnerships;
  return (
    <ClientMessages namespaces={["partnerships"]}>
      <div className="space-y-8">
        <PageHeader title={t("partnerships.resellersTitle")} />
        <p className="text-sm text-gray-700">{t("partnerships.resellersIntro", { cloud: t(`clouds.${member.organization.cloud}`) })}</p>
        {canWrite && (
          <Section id="invite-reseller" title={t("partnerships.inviteTitle")}>
            <InviteResellerForm providerId={partnerId} />
          </Section>
        )}
        <Section id="partnerships" title={t("partnerships.resellersTitle")}>
          <PartnershipsTable rows={partnerships} organizationId={partnerId} side="provider" canWrite={canWrite} now={now} />
        </Section>
        <Section id="reseller-customers" title={t("partnerships.customersTitle")}>
          {customers.rows.length === 0 ? (
            <EmptyState>{t("partnerships.noCustomers")}</EmptyState>
          ) : (
            <Table
              caption={t("partnerships.customersTitle")}
              head={[t("partnerships.reseller"), t("partnerships.customer"), t("partnerships.status"), t("partnerships.since")]}
            >
              {customers.rows.map((c) => (
                <tr key={`${c.resellerId}-${c.customerId}-${c.since.getTime()}`}>
                  <Td>
                    {c.resellerName}
                    {!activeResellers.includes(c.resellerId) && (
                      <span className="ml-2 text-xs text-gray-600">({t("partnerships.partnershipEnded")})</span>
                    )}
                  </Td>
                  <Td className="font-medium">
                    <Link href={`/partner/${partnerId}/customers/${c.customerId}`}>{c.customerName}</Link>
                  </Td>
                  <Td>{t(`relationshipStates.${c.state}`)}</Td>
                  <Td>{format.dateTime(c.since, { dateStyle: "medium" })}</Td>
                </tr>
              ))}
            </Table>
          )}
          <Pagination page={customers.page} hasNext={customers.hasNext} hrefFor={(p) => `${base}?customers=${p}#reseller-customers`} />
        </Section>
        <Section id="reseller-invitations" title={t("partnerships.invitationsTitle")}>
          {invitations.rows.length === 0 ? (
            <EmptyState>{t("partnerships.noInvitations")}</EmptyState>
          ) : (
            <Table
              caption={t("partnerships.invitationsTitle")}
              head={[
                t("partnerships.reseller"),
                t("partner.invitations.email"),
                t("partner.invitations.status"),
                t("partner.invitations.sent"),
              ]}
            >
              {invitations.rows.map((i) => (
                <tr key={i.id}>
                  <Td>{i.resellerName}</Td>
                  <Td>{i.email}</Td>
                  <Td>
                    <InvitationStatusBadge status={invitationStatus(i, now)} />
                  </Td>
                  <Td>{format.dateTime(i.createdAt, { dateStyle: "medium" })}</Td>
                </tr>
              ))}
            </Table>
          )}
          <Pagination page={invitations.page} hasNext={invitations.hasNext} hrefFor={(p) => `${base}?page=${p}#reseller-invitations`} />
        </Section>
      </div>
    </ClientMessages>
  );
}
