import { getTranslations } from "next-intl/server";
import { ActivityLog } from "@/components/activity/activity-log";
import { Forbidden } from "@/components/shell/forbidden";
import { listActivity } from "@/lib/audit/activity";
import { parseActivityFilters } from "@/lib/audit/filters";
import { operatorForPage } from "@/lib/auth/page-guards";
import { operatorAbilities } from "@/lib/auth/abilities";
import { db } from "@/lib/db";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The operator's own activity: applications decided, partners suspended, the catalog changed. */
export default async function OperatorActivityPage({ searchParams }: Props) {
  const sp = await searchParams;
  const base = "/operator/activity";
  const member = await operatorForPage(base);
  const may = operatorAbilities(member);
  if (!may.readConsole) return <Forbidden orgName={member.organization.name} />;
  const t = await getTranslations("operator");
  const filters = parseActivityFilters(sp);
  const { rows, nextBefore } = await listActivity(db(), member, filters);
  return <ActivityLog base={base} filters={filters} rows={rows} nextBefore={nextBefore} intro={t("activityIntro")} />;
}
