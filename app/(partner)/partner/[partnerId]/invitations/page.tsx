import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/format";
import { InvitationActions } from "@/components/invitations/invitation-actions";
import { InvitationStatusBadge } from "@/components/invitations/status-badge";
import { Forbidden } from "@/components/shell/forbidden";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterLinks } from "@/components/ui/filter-links";
import { SearchForm } from "@/components/ui/search-form";
import { PageHeader } from "@/components/ui/page-header";
import { leavePastEnd, Pagination } from "@/components/ui/pagination";
import { Table, Td } from "@/components/ui/table";
import { memberForPage } from "@/lib/auth/page-guards";
import { partnerAbilities } from "@/lib/auth/abilities";
import { systemClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { INVITATION_SORTS, listPartnerInvitations } from "@/lib/invitations/queries";
import { INVITATION_STATUSES, isOpen, type InvitationStatus } from "@/lib/invitations/status";
import { parsePage } from "@/lib/pagination";
import { ClientMessages } from "@/components/shell/client-messages";

type Props = {
  params: Promise<{ partnerId: string }>;
  searchParams: Promise<{ page?: string; status?: string; q?: string; sort?: string }>;
};

export default async function InvitationsPage({ params, searchParams }: Props) {
  const [{ partnerId }, sp] = await Promise.all([params, searchParams]);
  const base = `/partner/${partnerId}/invitations`;
  const member = await memberForPage(partnerId, "partner", base);
  const may = partnerAbilities(member);
  if (!may.seeInvitations) return <Forbidden orgName={member.organization.name} />;
  const canWrite = may.writeInvitations;
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const status = INVITATION_STATUSES.find((s) => s === sp.status) as InvitationStatus | undefined;
  const page = parsePage(sp.page);
  const q = typeof sp.q === "string" ? sp.q.slice(0, 100) : "";
  const sort = INVITATION_SORTS.find((s) => s === sp.sort) ?? "newest";
  const now = systemClock();
  const result = await listPartnerInvitations(db(), member, { page, status, now, q, sort });
  // Links keep the search and the order; a new status or search starts at page 1.
  const query = (over: { status?: InvitationStatus; page?: number }) => {
    const p = new URLSearchParams({
      ...(q ? { q } : {}),
      ...(sort !== "newest" ? { sort } : {}),
      ...(over.status ? { status: over.status } : {}),
      ...(over.page ? { page: String(over.page) } : {}),
    }).toString();
    return p ? `${base}?${p}` : base;
  };
  const hrefFor = (p: number) => query({ status, page: p });
  leavePastEnd(result, hrefFor);

  return (
    <ClientMessages namespaces={["partner.invitations"]}>
      <section className="space-y-4">
        <PageHeader title={t("partner.invitations.title")}>
          {canWrite && (
            <Link
              href={`${base}/new`}
              className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white no-underline hover:bg-blue-800"
            >
              {t("partner.invitations.new")}
            </Link>
          )}
        </PageHeader>
        {!canWrite && <Alert tone="info">{t("partner.invitations.readOnly")}</Alert>}
        <SearchForm
          action={base}
          label={t("partner.invitations.search")}
          placeholder={t("partner.invitations.searchPlaceholder")}
          submit={t("partner.invitations.searchSubmit")}
          q={q}
          sort={{
            label: t("partner.invitations.sort"),
            value: sort,
            options: INVITATION_SORTS.map((s) => ({ value: s, label: t(`partner.invitations.sorts.${s}`) })),
          }}
          keep={{ status }}
        />
        <FilterLinks
          label={t("partner.invitations.filter")}
          filters={[undefined, ...INVITATION_STATUSES].map((s) => ({
            href: query({ status: s }),
            label: s ? t(`invitationStatus.${s}`) : t("partner.invitations.all"),
            current: s === status,
          }))}
        />
        {result.rows.length === 0 ? (
          <EmptyState>
            {q
              ? t("partner.invitations.emptySearch", { q })
              : status
                ? t("partner.invitations.emptyFiltered")
                : t("partner.invitations.empty")}
          </EmptyState>
        ) : (
          <Table
            caption={t("partner.invitations.title")}
            head={[
              t("partner.invitations.email"),
              t("partner.invitations.status"),
              t("partner.invitations.sent"),
              t("partner.invitations.expires"),
              t("partner.invitations.customer"),
              t("partner.invitations.actions"),
            ]}
          >
            {result.rows.map((inv) => (
              <tr key={inv.id} data-testid={`invitation-${inv.email}`}>
                <Td>
                  {inv.email}
                  {inv.adminRequest && (
                    <span className="ml-2">
                      <Badge tone="amber">{t("partner.invitations.withAdminRoles")}</Badge>
                    </span>
                  )}
                </Td>
                <Td>
                  <InvitationStatusBadge status={inv.status} />
                  {inv.emailState === "failed" && (
                    <p className="mt-1 text-xs text-red-800">
                      <Badge tone="red">{t("partner.invitations.emailBounced")}</Badge>{" "}
                      {t("partner.invitations.emailBouncedHint", { error: inv.emailError ?? "" })}
                    </p>
                  )}
                  {inv.emailState === "pending" && (inv.emailAttempts ?? 0) > 0 && (
                    <p className="mt-1 text-xs text-amber-900">
                      <Badge tone="amber">{t("partner.invitations.emailDelayed")}</Badge>
                    </p>
                  )}
                </Td>
                <Td>{format.dateTime(inv.lastSentAt, { dateStyle: "medium", timeStyle: "short" })}</Td>
                <Td>{format.dateTime(inv.expiresAt, { dateStyle: "medium" })}</Td>
                <Td>
                  {inv.customerId && inv.customerName ? (
                    <Link href={`/partner/${partnerId}/customers/${inv.customerId}`}>{inv.customerName}</Link>
                  ) : (
                    "—"
                  )}
                </Td>
                <Td>
                  {canWrite && (isOpen(inv.status) || inv.status === "expired") ? (
                    <InvitationActions partnerId={partnerId} invitationId={inv.id} email={inv.email} />
                  ) : null}
                </Td>
              </tr>
            ))}
          </Table>
        )}
        <Pagination page={result.page} hasNext={result.hasNext} hrefFor={hrefFor} />
      </section>
    </ClientMessages>
  );
}
