import { getTranslations } from "next-intl/server";
import { ActivityLog, type CustomerFilter } from "@/components/activity/activity-log";
import { Forbidden } from "@/components/shell/forbidden";
import { listActivity } from "@/lib/audit/activity";
import { parseActivityFilters } from "@/lib/audit/filters";
import { memberForPage } from "@/lib/auth/page-guards";
import { partnerAbilities } from "@/lib/auth/abilities";
import { db } from "@/lib/db";
import { customerNameOf, matchCustomers } from "@/lib/partners/queries";

type Props = { params: Promise<{ partnerId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PartnerActivityPage({ params, searchParams }: Props) {
  const [{ partnerId }, sp] = await Promise.all([params, searchParams]);
  const base = `/partner/${partnerId}/activity`;
  const member = await memberForPage(partnerId, "partner", base);
  const may = partnerAbilities(member);
  if (!may.seeActivity) return <Forbidden orgName={member.organization.name} />;
  const t = await getTranslations("activity");
  const filters = parseActivityFilters(sp);
  // The customer filter is typed (a name or a domain): one match filters by it, several ask which.
  const typed = typeof sp.customerName === "string" ? sp.customerName.trim().slice(0, 200) : "";
  const customer: CustomerFilter = { typed, matches: null };
  if (filters.customer) {
    customer.typed = (await customerNameOf(db(), member, filters.customer)) ?? "";
  } else if (typed) {
    const matches = await matchCustomers(db(), member, typed);
    if (matches.length === 1) [filters.customer, customer.typed] = [matches[0].id, matches[0].name];
    else customer.matches = matches;
  }
  const { rows, nextBefore } = customer.matches ? { rows: [], nextBefore: null } : await listActivity(db(), member, filters);
  return <ActivityLog base={base} filters={filters} rows={rows} nextBefore={nextBefore} intro={t("intro")} customer={customer} />;
}
