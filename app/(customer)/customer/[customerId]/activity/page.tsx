import { getTranslations } from "next-intl/server";
import { ActivityLog } from "@/components/activity/activity-log";
import { Forbidden } from "@/components/shell/forbidden";
import { listActivity } from "@/lib/audit/activity";
import { parseActivityFilters } from "@/lib/audit/filters";
import { memberForPage } from "@/lib/auth/page-guards";
import { customerAbilities } from "@/lib/auth/abilities";
import { db } from "@/lib/db";

type Props = { params: Promise<{ customerId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CustomerActivityPage({ params, searchParams }: Props) {
  const [{ customerId }, sp] = await Promise.all([params, searchParams]);
  const base = `/customer/${customerId}/activity`;
  const member = await memberForPage(customerId, "customer", base);
  const may = customerAbilities(member);
  if (!may.seeActivity) return <Forbidden orgName={member.organization.name} />;
  const t = await getTranslations("activity");
  const filters = parseActivityFilters(sp);
  const { rows, nextBefore } = await listActivity(db(), member, filters);
  return <ActivityLog base={base} filters={filters} rows={rows} nextBefore={nextBefore} intro={t("introCustomer")} />;
}
