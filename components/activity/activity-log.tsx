import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/format";
import { EmptyState } from "@/components/ui/empty-state";
import { inputClass } from "@/components/ui/field";
import { Table, Td } from "@/components/ui/table";
import { AUDIT_ACTIONS } from "@/db/values/audit";
import { actorOf, auditValues } from "@/lib/audit/actions";
import type { ActivityRow } from "@/lib/audit/activity";
import { filtersToParams, type ActivityFilters } from "@/lib/audit/filters";

type Props = {
  base: string;
  filters: ActivityFilters;
  rows: ActivityRow[];
  nextBefore: number | null;
  intro: string;
  /** A partner's log can be narrowed to one customer. */
  customer?: CustomerFilter;
};

/** What was typed in the customer filter, and the customers to choose from when it did not name exactly one. */
export type CustomerFilter = { typed: string; matches: { id: string; name: string }[] | null };

/** The activity log of either side: filters (a plain GET form), the events, keyset paging and CSV export. */
export async function ActivityLog({ base, filters, rows, nextBefore, intro, customer }: Props) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const label = t as unknown as (key: string, values: Record<string, string>) => string;
  const query = filtersToParams(filters).toString();
  const field = "space-y-1 text-sm";
  const choices = customer?.matches ?? null;
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("activity.title")}</h1>
        {!choices && (
          <a
            href={`${base}/export${query ? `?${query}` : ""}`}
            className="rounded-md border border-gray-300 bg-white px-3 py-2 text-sm no-underline hover:bg-gray-50"
            title={t("activity.exportHint")}
          >
            {t("activity.export")}
          </a>
        )}
      </div>
      <p className="text-sm text-gray-700">{intro}</p>
      <form
        method="get"
        action={base}
        aria-label={t("activity.filters")}
        className="flex flex-wrap items-end gap-3 rounded-md border border-gray-200 bg-white p-3"
      >
        <div className={field}>
          <label htmlFor="f-action" className="block font-medium">
            {t("activity.action")}
          </label>
          <select id="f-action" name="action" defaultValue={filters.action ?? ""} className={inputClass}>
            <option value="">{t("activity.allActions")}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {label(`audit.${a}`, auditValues(null, "…"))}
              </option>
            ))}
          </select>
        </div>
        <div className={field}>
          <label htmlFor="f-actor" className="block font-medium">
            {t("activity.actor")}
          </label>
          <input id="f-actor" name="actor" type="email" defaultValue={filters.actor ?? ""} className={inputClass} />
        </div>
        <div className={field}>
          <label htmlFor="f-from" className="block font-medium">
            {t("activity.from")}
          </label>
          <input id="f-from" name="from" type="date" defaultValue={filters.from ?? ""} className={inputClass} />
        </div>
        <div className={field}>
          <label htmlFor="f-to" className="block font-medium">
            {t("activity.to")}
          </label>
          <input id="f-to" name="to" type="date" defaultValue={filters.to ?? ""} className={inputClass} />
        </div>
        {customer && (
          <div className={field}>
            <label htmlFor="f-customer" className="block font-medium">
              {t("activity.customer")}
            </label>
            <input
              id="f-customer"
              name="customerName"
              type="search"
              defaultValue={customer.typed}
              placeholder={t("activity.customerHint")}
              maxLength={200}
              className={inputClass}
            />
          </div>
        )}
        <button type="submit" className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800">
          {t("activity.apply")}
        </button>
        <Link href={base} className="px-2 py-2 text-sm">
          {t("activity.reset")}
        </Link>
      </form>
      {choices ? (
        <div role="status" className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm">
          <p>
            {choices.length === 0
              ? t("activity.customerNone", { q: customer!.typed })
              : t("activity.customerChoose", { q: customer!.typed })}
          </p>
          {choices.length > 0 && (
            <ul className="list-disc space-y-1 pl-5">
              {choices.map((c) => (
                <li key={c.id}>
                  <Link href={`${base}?${filtersToParams({ ...filters, customer: c.id })}`}>{c.name}</Link>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : rows.length === 0 ? (
        <EmptyState>{t("activity.empty")}</EmptyState>
      ) : (
        <Table caption={t("activity.title")} head={[t("activity.when"), t("activity.who"), t("activity.organization"), t("activity.what")]}>
          {rows.map((e) => {
            return (
              <tr key={e.id}>
                <Td className="whitespace-nowrap">
                  <time dateTime={e.createdAt.toISOString()}>
                    {format.dateTime(e.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  </time>
                </Td>
                <Td>{t(`activity.${actorOf(e).key}`, actorOf(e).values)}</Td>
                <Td>{e.organizationName ?? e.organizationId}</Td>
                <Td>{label(`audit.${e.action}`, auditValues(e.details))}</Td>
              </tr>
            );
          })}
        </Table>
      )}
      <nav aria-label={t("common.pagination")} className="flex gap-3">
        {filters.before && (
          <Link href={`${base}${query ? `?${query}` : ""}`} className="rounded-md border border-gray-300 px-3 py-1.5 text-sm no-underline">
            {t("activity.newest")}
          </Link>
        )}
        {nextBefore && (
          <Link
            href={`${base}?${filtersToParams(filters, nextBefore)}`}
            rel="next"
            className="rounded-md border border-gray-300 px-3 py-1.5 text-sm no-underline"
          >
            {t("activity.older")}
          </Link>
        )}
      </nav>
    </section>
  );
}
