import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/format";
import { AdminRelationshipStateBadge } from "@/components/admin-relationships/state-badge";
import { Forbidden } from "@/components/shell/forbidden";
import { EmptyState } from "@/components/ui/empty-state";
import { SearchForm } from "@/components/ui/search-form";
import { PageHeader } from "@/components/ui/page-header";
import { leavePastEnd, Pagination } from "@/components/ui/pagination";
import { Table, Td } from "@/components/ui/table";
import { expiryCounts, listExpiring, WINDOWS, type ExpiryWindow } from "@/lib/admin-relationships/expiring";
import { memberForPage } from "@/lib/auth/page-guards";
import { partnerAbilities } from "@/lib/auth/abilities";
import { systemClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { parsePage } from "@/lib/pagination";

type Props = { params: Promise<{ partnerId: string }>; searchParams: Promise<{ window?: string; page?: string; q?: string }> };

export default async function ExpiringPage({ params, searchParams }: Props) {
  const [{ partnerId }, sp] = await Promise.all([params, searchParams]);
  const base = `/partner/${partnerId}/expiring`;
  const member = await memberForPage(partnerId, "partner", base);
  const may = partnerAbilities(member);
  if (!may.seeCustomers) return <Forbidden orgName={member.organization.name} />;
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const now = systemClock();
  const window: ExpiryWindow = WINDOWS.find((w) => w === sp.window) ?? "30";
  const counts = await expiryCounts(db(), member, now);
  const q = typeof sp.q === "string" ? sp.q.slice(0, 100) : "";
  const result = await listExpiring(db(), member, window, { page: parsePage(sp.page), now, q });
  const href = (w: ExpiryWindow, page?: number) =>
    `${base}?${new URLSearchParams({ window: w, ...(q ? { q } : {}), ...(page ? { page: String(page) } : {}) })}`;
  leavePastEnd(result, (p) => href(window, p));
  const label = (w: ExpiryWindow) => (w === "expired" ? t("expiring.expiredYear") : t("expiring.within", { days: Number(w) }));

  return (
    <section className="space-y-6">
      <PageHeader title={t("expiring.title")} />
      <nav aria-label={t("expiring.title")} className="grid grid-cols-2 gap-3 md:grid-cols-5">
        {WINDOWS.map((w) => (
          <Link
            key={w}
            href={href(w)}
            aria-current={w === window ? "page" : undefined}
            className={`rounded-lg border p-4 no-underline ${w === window ? "border-blue-700 bg-blue-50" : "border-gray-200 bg-white hover:bg-gray-50"}`}
          >
            <span className="block text-2xl font-semibold text-gray-900">{format.number(counts[w])}</span>
            <span className="text-sm text-gray-700">{label(w)}</span>
          </Link>
        ))}
        <div className="rounded-lg border border-red-200 bg-red-50 p-4">
          <span className="block text-2xl font-semibold text-red-900">{format.number(counts.globalAdmin)}</span>
          <span className="text-sm text-red-900">{t("expiring.globalAdmin")}</span>
        </div>
      </nav>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">{label(window)}</h2>
        <SearchForm
          action={base}
          label={t("expiring.search")}
          placeholder={t("expiring.searchPlaceholder")}
          submit={t("expiring.searchSubmit")}
          q={q}
          keep={{ window }}
        />
      </div>
      {result.rows.length === 0 ? (
        <EmptyState>{q ? t("expiring.emptySearch", { q }) : t("expiring.empty")}</EmptyState>
      ) : (
        <Table
          caption={label(window)}
          head={[
            t("partner.customers.name"),
            t("adminRelationships.name"),
            t("adminRelationships.roles"),
            t("adminRelationships.state"),
            t("adminRelationships.ends"),
          ]}
        >
          {result.rows.map((r) => (
            <tr key={r.id}>
              <Td>
                <Link href={`/partner/${partnerId}/customers/${r.customerId}`}>{r.customerName}</Link>
              </Td>
              <Td>{r.name}</Td>
              <Td>{t("adminRelationships.rolesCount", { count: r.roles.length })}</Td>
              <Td>
                <AdminRelationshipStateBadge state={r.state} />
              </Td>
              <Td>{r.endsAt ? format.dateTime(r.endsAt, { dateStyle: "medium" }) : "—"}</Td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination page={result.page} hasNext={result.hasNext} hrefFor={(p) => href(window, p)} />
    </section>
  );
}
