import { getLocale, getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/format";
import { Forbidden } from "@/components/shell/forbidden";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { leavePastEnd, Pagination } from "@/components/ui/pagination";
import { SearchForm } from "@/components/ui/search-form";
import { Table, Td } from "@/components/ui/table";
import { operatorForPage } from "@/lib/auth/page-guards";
import { operatorAbilities } from "@/lib/auth/abilities";
import { countryName } from "@/lib/countries";
import { db } from "@/lib/db";
import { listCustomers } from "@/lib/operator/queries";
import { parsePage } from "@/lib/pagination";

type Props = { searchParams: Promise<{ q?: string; page?: string }> };

/** Every cloud's customers, read only: the operator runs the program, it never acts in a customer's tenant. */
export default async function OperatorCustomersPage({ searchParams }: Props) {
  const sp = await searchParams;
  const base = "/operator/customers";
  const member = await operatorForPage(base);
  const may = operatorAbilities(member);
  if (!may.readConsole) return <Forbidden orgName={member.organization.name} />;
  const [t, format, locale] = await Promise.all([getTranslations(), getFormatter(), getLocale()]);
  const q = typeof sp.q === "string" ? sp.q.slice(0, 100) : "";
  const list = await listCustomers(db(), member, { q, page: parsePage(sp.page) });
  const hrefFor = (p: number) => `${base}?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  leavePastEnd(list, hrefFor);
  return (
    <section>
      <PageHeader title={t("operator.customers.title")} note={t("operator.customers.count", { count: list.total })}>
        <SearchForm
          action={base}
          label={t("operator.customers.search")}
          placeholder={t("partner.customers.searchPlaceholder")}
          submit={t("partner.customers.searchSubmit")}
          q={q}
        />
      </PageHeader>
      <p className="mb-4 text-sm text-gray-700">{t("operator.customers.intro")}</p>
      {list.rows.length === 0 ? (
        <EmptyState>{q ? t("partner.customers.emptySearch", { q }) : t("operator.customers.none")}</EmptyState>
      ) : (
        <Table
          caption={t("operator.customers.title")}
          head={[
            t("partner.customers.name"),
            t("partner.customers.domain"),
            t("enroll.cloud"),
            t("partner.customers.country"),
            t("operator.customers.partners"),
            t("operator.partners.since"),
          ]}
        >
          {list.rows.map((c) => (
            <tr key={c.id}>
              <Td className="font-medium">{c.name}</Td>
              <Td>{c.primaryDomain}</Td>
              <Td>{t(`clouds.${c.cloud}`)}</Td>
              <Td>{countryName(c.country, locale)}</Td>
              <Td>{format.number(c.partnerCount)}</Td>
              <Td>{format.dateTime(c.createdAt, { dateStyle: "medium" })}</Td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination page={list.page} hasNext={list.hasNext} hrefFor={hrefFor} total={list.total} />
    </section>
  );
}
