import type { AuditAction } from "@/db/values/audit";

/**
 * What the scheduled job does on its own (lib/admin-relationships/jobs.ts), and the first
 * operator made on the command line: rows with no person behind them.
 */
const SYSTEM_ACTIONS: ReadonlySet<AuditAction> = new Set([
  "admin_relationship.expiring",
  "admin_relationship.extended",
  "admin_relationship.expired",
  "admin_relationship.lapsed",
  "operator.added",
]);

/**
 * Who to show for a row without a person: the system (the scheduled job), or someone who
 * opened an emailed link without signing in.
 */
export function unnamedActor(action: AuditAction): "system" | "anonymous" {
  return SYSTEM_ACTIONS.has(action) ? "system" : "anonymous";
}

const AUDIT_PLACEHOLDERS = [
  "email",
  "customer",
  "partner",
  "name",
  "group",
  "domain",
  "provider",
  "reseller",
  "product",
  "note",
  "by",
  "seats",
  "from",
  "to",
  "reason",
  "cloud",
  "count",
] as const;

/** Every placeholder the `audit.*` catalog texts use, `blank` unless the event's details fill it. */
export function auditValues(details: Record<string, unknown> | null, blank = ""): Record<string, string> {
  const blanks = Object.fromEntries(AUDIT_PLACEHOLDERS.map((k) => [k, blank]));
  const filled = Object.fromEntries(Object.entries(details ?? {}).map(([k, v]) => [k, v == null ? "" : String(v)]));
  return { ...blanks, ...filled };
}
