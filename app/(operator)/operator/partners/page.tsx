import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/format";
import { PartnerStateBadge } from "@/components/operator/partner-state-badge";
import { Forbidden } from "@/components/shell/forbidden";
import { EmptyState } from "@/components/ui/empty-state";
import { fieldLookClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { leavePastEnd, Pagination } from "@/components/ui/pagination";
import { Table, Td } from "@/components/ui/table";
import { operatorForPage } from "@/lib/auth/page-guards";
import { operatorAbilities } from "@/lib/auth/abilities";
import { db } from "@/lib/db";
import { listPartners } from "@/lib/operator/queries";
import { CLOUDS, PARTNER_STATES, PARTNER_TYPES } from "@/db/values/organizations";
import { parsePage } from "@/lib/pagination";

type Props = { searchParams: Promise<Record<string, string | undefined>> };

const pick = <T extends string>(list: readonly T[], v: string | undefined): T | undefined => list.find((x) => x === v);

export default async function OperatorPartnersPage({ searchParams }: Props) {
  const sp = await searchParams;
  const base = "/operator/partners";
  const member = await operatorForPage(base);
  const may = operatorAbilities(member);
  if (!may.readConsole) return <Forbidden orgName={member.organization.name} />;
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const f = {
    q: typeof sp.q === "string" ? sp.q.slice(0, 100) : "",
    type: pick(PARTNER_TYPES, sp.type),
    cloud: pick(CLOUDS, sp.cloud),
    state: pick(PARTNER_STATES, sp.state),
    page: parsePage(sp.page),
  };
  const list = await listPartners(db(), member, f);
  const keep = Object.fromEntries(Object.entries({ q: f.q, type: f.type, cloud: f.cloud, state: f.state }).filter(([, v]) => v)) as Record<
    string,
    string
  >;
  const hrefFor = (p: number) => `${base}?${new URLSearchParams({ ...keep, page: String(p) })}`;
  leavePastEnd(list, hrefFor);
  const select = (name: string, label: string, value: string | undefined, options: { value: string; label: string }[]) => (
    <div className="space-y-1 text-sm">
      <label htmlFor={`f-${name}`} className="block font-medium">
        {label}
      </label>
      <select id={`f-${name}`} name={name} defaultValue={value ?? ""} className={`${fieldLookClass} w-44`}>
        <option value="">{t("operator.partners.any")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <section>
      <PageHeader title={t("operator.partners.title")} note={t("operator.partners.count", { count: list.total })} />
      <form
        role="search"
        method="get"
        action={base}
        className="mb-4 flex flex-wrap items-end gap-3 rounded-md border border-gray-200 bg-white p-3"
      >
        <div className="space-y-1 text-sm">
          <label htmlFor="q" className="block font-medium">
            {t("operator.partners.search")}
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={f.q}
            placeholder={t("operator.partners.searchPlaceholder")}
            maxLength={100}
            className={`${fieldLookClass} w-64 max-w-full`}
          />
        </div>
        {select(
          "type",
          t("enroll.partnerType"),
          f.type,
          PARTNER_TYPES.map((p) => ({ value: p, label: t(`partnerTypes.${p}`) })),
        )}
        {select(
          "cloud",
          t("enroll.cloud"),
          f.cloud,
          CLOUDS.map((c) => ({ value: c, label: t(`clouds.${c}`) })),
        )}
        {select(
          "state",
          t("operator.partners.state"),
          f.state,
          PARTNER_STATES.map((s) => ({ value: s, label: t(`partnerStates.${s}`) })),
        )}
        <button type="submit" className="rounded-md border border-gray-300 bg-white px-3 py-2 text-sm hover:bg-gray-50">
          {t("common.apply")}
        </button>
      </form>
      {list.rows.length === 0 ? (
        <EmptyState>{t("operator.partners.none")}</EmptyState>
      ) : (
        <Table
          caption={t("operator.partners.title")}
          head={[
            t("operator.partners.name"),
            t("customer.partnerId"),
            t("enroll.partnerType"),
            t("enroll.cloud"),
            t("operator.partners.state"),
            t("operator.partners.since"),
          ]}
        >
          {list.rows.map((p) => (
            <tr key={p.id} data-testid={`operator-partner-${p.primaryDomain}`}>
              <Td>
                <Link href={`${base}/${p.id}`}>{p.name}</Link>
                <span className="block text-xs text-gray-600">{p.primaryDomain}</span>
              </Td>
              <Td>{p.partnerPublicId ?? "—"}</Td>
              <Td>{p.partnerType ? t(`partnerTypes.${p.partnerType}`) : "—"}</Td>
              <Td>{t(`clouds.${p.cloud}`)}</Td>
              <Td>
                <PartnerStateBadge state={p.partnerState} />
              </Td>
              <Td>{format.dateTime(p.createdAt, { dateStyle: "medium" })}</Td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination page={list.page} hasNext={list.hasNext} hrefFor={hrefFor} total={list.total} />
    </section>
  );
}
