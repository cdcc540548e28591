import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/format";
import { Forbidden } from "@/components/shell/forbidden";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { SearchForm } from "@/components/ui/search-form";
import { PageHeader } from "@/components/ui/page-header";
import { leavePastEnd, Pagination } from "@/components/ui/pagination";
import { Table, Td } from "@/components/ui/table";
import { memberForPage } from "@/lib/auth/page-guards";
import { partnerAbilities } from "@/lib/auth/abilities";
import { countryName } from "@/lib/countries";
import { db } from "@/lib/db";
import { parsePage } from "@/lib/pagination";
import { CUSTOMER_SORTS, listPartnerCustomers } from "@/lib/partners/queries";

type Props = { params: Promise<{ partnerId: string }>; searchParams: Promise<{ page?: string; q?: string; sort?: string }> };

export default async function CustomersPage({ params, searchParams }: Props) {
  const [{ partnerId }, sp] = await Promise.all([params, searchParams]);
  const base = `/partner/${partnerId}/customers`;
  const member = await memberForPage(partnerId, "partner", base);
  const may = partnerAbilities(member);
  if (!may.seeCustomers) return <Forbidden orgName={member.organization.name} />;
  const [t, format, locale] = await Promise.all([getTranslations(), getFormatter(), getLocale()]);
  const q = typeof sp.q === "string" ? sp.q.slice(0, 100) : "";
  const page = parsePage(sp.page);
  const sort = CUSTOMER_SORTS.find((s) => s === sp.sort) ?? "newest";
  const result = await listPartnerCustomers(db(), member, { page, q, sort });
  const hrefFor = (p: number) =>
    `${base}?${new URLSearchParams({ ...(q ? { q } : {}), ...(sort !== "newest" ? { sort } : {}), page: String(p) })}`;
  leavePastEnd(result, hrefFor);

  return (
    <section>
      <PageHeader
        title={t("partner.customers.title")}
        note={
          result.total === 0
            ? undefined
            : q
              ? t("partner.customers.matchCount", { count: result.total })
              : t("partner.customers.count", { count: result.total })
        }
      >
        <SearchForm
          action={base}
          label={t("partner.customers.search")}
          placeholder={t("partner.customers.searchPlaceholder")}
          submit={t("partner.customers.searchSubmit")}
          q={q}
          sort={{
            label: t("partner.customers.sort"),
            value: sort,
            options: CUSTOMER_SORTS.map((s) => ({ value: s, label: t(`partner.customers.sorts.${s}`) })),
          }}
        />
      </PageHeader>
      {result.rows.length === 0 ? (
        <EmptyState>{q ? t("partner.customers.emptySearch", { q }) : t("partner.customers.empty")}</EmptyState>
      ) : (
        <Table
          caption={t("partner.customers.title")}
          head={[
            t("partner.customers.name"),
            t("partner.customers.domain"),
            t("partner.customers.country"),
            t("partner.customers.since"),
            t("partner.customers.status"),
          ]}
        >
          {result.rows.map((c) => (
            <tr key={`${c.id}-${c.since.getTime()}`}>
              <Td>
                <Link href={`${base}/${c.id}`}>{c.name}</Link>
              </Td>
              <Td>{c.primaryDomain}</Td>
              <Td>{countryName(c.country, locale)}</Td>
              <Td>{format.dateTime(c.since, { dateStyle: "medium" })}</Td>
              <Td>
                <Badge tone={c.state === "active" ? "green" : "gray"}>{t(`relationshipStates.${c.state}`)}</Badge>
              </Td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination page={result.page} hasNext={result.hasNext} hrefFor={hrefFor} total={result.total} />
    </section>
  );
}
