import { getTranslations } from "next-intl/server";
import { ActivityLog } from "@/components/activity/activity-log";
import { Forbidden } from "@/components/shell/forbidden";
import { listActivity } from "@/lib/audit/activity";
import { parseActivityFilters } from "@/lib/audit/filters";
import { memberForPage } from "@/lib/auth/page-guards";
import { hasPermission } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { listCustomerOptions } from "@/lib/partners/queries";

type Props = { params: Promise<{ partnerId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PartnerActivityPage({ params, searchParams }: Props) {
  const [{ partnerId }, sp] = await Promise.all([params, searchParams]);
  const base = `/partner/${partnerId}/activity`;
  const member = await memberForPage(partnerId, "partner", base);
  if (!hasPermission(member.roles, "activity.read")) return <Forbidden orgName={member.organization.name} />;
  const t = await getTranslations("activity");
  const filters = parseActivityFilters(sp);
  const { rows, nextBefore } = listActivity(db(), member, filters);
  return <ActivityLog base={base} filters={filters} rows={rows} nextBefore={nextBefore} intro={t("intro")} customers={listCustomerOptions(db(), member)} />;
}
