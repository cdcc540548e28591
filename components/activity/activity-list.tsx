import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/format";
import { EmptyState } from "@/components/ui/empty-state";
import { actorOf, auditValues } from "@/lib/audit/actions";
import type { AuditAction } from "@/db/values/audit";

type Row = {
  id: number;
  action: AuditAction;
  actorEmail: string | null;
  actorKeyName?: string | null;
  details: Record<string, string | number | boolean | null> | null;
  createdAt: Date;
};

export async function ActivityList({ rows, emptyText }: { rows: Row[]; emptyText: string }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  // Each action's sentence takes its own details; the action comes from data, so look it up untyped.
  const auditLabel = t as unknown as (key: string, values: Record<string, string>) => string;
  if (rows.length === 0) return <EmptyState>{emptyText}</EmptyState>;
  return (
    <ol className="divide-y divide-gray-100 rounded-md border border-gray-200 bg-white text-sm">
      {rows.map((e) => {
        return (
          <li key={e.id} className="flex flex-wrap justify-between gap-2 px-4 py-2">
            <span>{auditLabel(`audit.${e.action}`, auditValues(e.details))}</span>
            <span className="text-gray-600">
              {t(`activity.${actorOf(e).key}`, actorOf(e).values)} ·{" "}
              <time dateTime={e.createdAt.toISOString()}>{format.dateTime(e.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
