import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/format";
import { Forbidden } from "@/components/shell/forbidden";
import { SubscriptionStateBadge } from "@/components/subscriptions/state-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterLinks } from "@/components/ui/filter-links";
import { PageHeader } from "@/components/ui/page-header";
import { SearchForm } from "@/components/ui/search-form";
import { leavePastEnd, Pagination } from "@/components/ui/pagination";
import { Table, Td } from "@/components/ui/table";
import { SUBSCRIPTION_STATES, type SubscriptionState } from "@/db/values/subscriptions";
import { memberForPage } from "@/lib/auth/page-guards";
import { partnerAbilities } from "@/lib/auth/abilities";
import { db } from "@/lib/db";
import { parsePage } from "@/lib/pagination";
import { listPartnerSubscriptions } from "@/lib/subscriptions/queries";

type Props = { params: Promise<{ partnerId: string }>; searchParams: Promise<{ page?: string; state?: string; q?: string }> };

/** Everything the partner sold to the customers it works with now: what billing and sales look after. */
export default async function PartnerSubscriptionsPage({ params, searchParams }: Props) {
  const [{ partnerId }, sp] = await Promise.all([params, searchParams]);
  const base = `/partner/${partnerId}/subscriptions`;
  const member = await memberForPage(partnerId, "partner", base);
  const may = partnerAbilities(member);
  if (!may.seeSubscriptions) return <Forbidden orgName={member.organization.name} />;
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const state = SUBSCRIPTION_STATES.find((s) => s === sp.state) as SubscriptionState | undefined;
  const q = typeof sp.q === "string" ? sp.q.slice(0, 100) : "";
  const result = await listPartnerSubscriptions(db(), member, { page: parsePage(sp.page), state, q });
  // Links keep the search; a new status starts at page 1; pages keep the status. The export takes the same filter.
  const search = (over: { state?: SubscriptionState; page?: number }) =>
    new URLSearchParams({
      ...(q ? { q } : {}),
      ...(over.state ? { state: over.state } : {}),
      ...(over.page ? { page: String(over.page) } : {}),
    });
  const query = (over: { state?: SubscriptionState; page?: number }) => {
    const p = search(over);
    return p.size ? `${base}?${p}` : base;
  };
  const exportParams = search({ state });
  const hrefFor = (p: number) => query({ state, page: p });
  leavePastEnd(result, hrefFor);

  return (
    <section className="space-y-4">
      <PageHeader
        title={t("partnerSubscriptions.title")}
        note={result.total === 0 ? undefined : t("partnerSubscriptions.count", { count: result.total })}
      >
        {result.total > 0 && (
          // A download, not a page: a plain link the soft navigation leaves alone.
          <a
            href={`${base}/export${exportParams.size ? `?${exportParams}` : ""}`}
            className="rounded-md border border-gray-300 bg-white px-3 py-2 text-sm no-underline hover:bg-gray-50"
          >
            {t("partnerSubscriptions.export")}
          </a>
        )}
      </PageHeader>
      <p className="text-sm text-gray-700">{t("partnerSubscriptions.intro")}</p>
      <SearchForm
        action={base}
        label={t("partnerSubscriptions.search")}
        placeholder={t("partnerSubscriptions.searchPlaceholder")}
        submit={t("partnerSubscriptions.searchSubmit")}
        q={q}
        keep={{ state }}
      />
      <FilterLinks
        label={t("partnerSubscriptions.filter")}
        filters={[undefined, ...SUBSCRIPTION_STATES].map((s) => ({
          href: query({ state: s }),
          label: s ? t(`subscriptionStates.${s}`) : t("partnerSubscriptions.all"),
          current: s === state,
        }))}
      />
      {result.rows.length === 0 ? (
        <EmptyState>
          {q
            ? t("partnerSubscriptions.emptySearch", { q })
            : state
              ? t("partnerSubscriptions.emptyFiltered", { state: t(`subscriptionStates.${state}`) })
              : t("partnerSubscriptions.empty")}
        </EmptyState>
      ) : (
        <Table
          caption={t("partnerSubscriptions.title")}
          head={[
            t("partnerSubscriptions.customer"),
            t("subscriptions.product"),
            t("subscriptions.seats"),
            t("subscriptions.status"),
            t("subscriptions.termEnds"),
            t("partnerSubscriptions.sold"),
          ]}
        >
          {result.rows.map((s) => (
            <tr key={s.id}>
              <Td>
                {/* The customer's page needs customers.read; a billing admin reads the name only. */}
                {may.seeCustomers ? (
                  <Link href={`/partner/${partnerId}/customers/${s.customerId}#subscriptions`}>{s.customerName}</Link>
                ) : (
                  s.customerName
                )}
                <span className="block text-xs text-gray-600">{s.customerDomain}</span>
              </Td>
              <Td>{s.product}</Td>
              <Td>{format.number(s.seats)}</Td>
              <Td>
                <SubscriptionStateBadge state={s.state} label={t(`subscriptionStates.${s.state}`)} />
              </Td>
              <Td>{format.dateTime(s.termEndsAt, { dateStyle: "medium" })}</Td>
              <Td>{format.dateTime(s.createdAt, { dateStyle: "medium" })}</Td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination page={result.page} hasNext={result.hasNext} hrefFor={hrefFor} total={result.total} />
    </section>
  );
}
