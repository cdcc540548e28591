import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/format";
import { ApplicationStateBadge } from "@/components/enrollment/application-state-badge";
import { Forbidden } from "@/components/shell/forbidden";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { leavePastEnd, Pagination } from "@/components/ui/pagination";
import { Table, Td } from "@/components/ui/table";
import { operatorForPage } from "@/lib/auth/page-guards";
import { operatorAbilities } from "@/lib/auth/abilities";
import { db } from "@/lib/db";
import { APPLICATION_STATES, type ApplicationState } from "@/db/values/enrollment";
import { listApplications } from "@/lib/operator/queries";
import { parsePage } from "@/lib/pagination";

type Props = { searchParams: Promise<{ state?: string; page?: string }> };

export default async function ApplicationsPage({ searchParams }: Props) {
  const sp = await searchParams;
  const base = "/operator/applications";
  const member = await operatorForPage(base);
  const may = operatorAbilities(member);
  if (!may.readConsole) return <Forbidden orgName={member.organization.name} />;
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  // Pending by default: what waits for a decision. "all" shows every state.
  const state: ApplicationState | undefined =
    sp.state === "all" ? undefined : (APPLICATION_STATES.find((s) => s === sp.state) ?? "pending");
  const page = parsePage(sp.page);
  const list = await listApplications(db(), member, { state, page });
  const hrefFor = (p: number) => `${base}?${new URLSearchParams({ state: state ?? "all", page: String(p) })}`;
  leavePastEnd(list, hrefFor);
  const tabs = [...APPLICATION_STATES, "all"] as const;
  return (
    <section>
      <PageHeader title={t("operator.applications.title")} />
      <nav aria-label={t("operator.applications.filter")} className="mb-4 flex flex-wrap gap-2 text-sm">
        {tabs.map((s) => {
          const current = (state ?? "all") === s;
          return (
            <Link
              key={s}
              href={`${base}?state=${s}`}
              aria-current={current ? "page" : undefined}
              className={`rounded-full border px-3 py-1 no-underline ${current ? "border-blue-700 bg-blue-50 font-medium" : "border-gray-300"}`}
            >
              {s === "all" ? t("operator.applications.all") : t(`applicationStates.${s}`)}
            </Link>
          );
        })}
      </nav>
      {list.rows.length === 0 ? (
        <EmptyState>{state === "pending" ? t("operator.applications.nonePending") : t("operator.applications.none")}</EmptyState>
      ) : (
        <Table
          caption={t("operator.applications.title")}
          head={[
            t("enroll.companyName"),
            t("enroll.primaryDomain"),
            t("enroll.cloud"),
            t("enroll.partnerType"),
            t("operator.applications.applicant"),
            t("enroll.submittedOn"),
            t("enroll.status"),
          ]}
        >
          {list.rows.map((a) => (
            <tr key={a.id} data-testid={`application-${a.primaryDomain}`}>
              <Td>
                <Link href={`${base}/${a.id}`}>{a.companyName}</Link>
              </Td>
              <Td>{a.primaryDomain}</Td>
              <Td>{t(`clouds.${a.cloud}`)}</Td>
              <Td>{t(`partnerTypes.${a.partnerType}`)}</Td>
              <Td>{a.applicantEmail}</Td>
              <Td>{format.dateTime(a.createdAt, { dateStyle: "medium" })}</Td>
              <Td>
                <ApplicationStateBadge state={a.state} />
              </Td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination page={list.page} hasNext={list.hasNext} hrefFor={hrefFor} />
    </section>
  );
}
