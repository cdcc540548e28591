import type { AuditAction } from "@/db/values/audit";

/**
 * What the scheduled job does on its own (lib/admin-relationships/jobs.ts), the webhook
 * sender switching off an endpoint that is gone or failing, and the first operator made on
 * the command line: rows with no person behind them.
 */
const SYSTEM_ACTIONS: ReadonlySet<AuditAction> = new Set([
  "admin_relationship.expiring",
  "admin_relationship.extended",
  "admin_relationship.expired",
  "admin_relationship.lapsed",
  "operator.added",
  "webhook_endpoint.disabled",
]);

/**
 * Who to show for a row without a person: the system (the scheduled job), or someone who
 * opened an emailed link without signing in.
 */
export function unnamedActor(action: AuditAction): "system" | "anonymous" {
  return SYSTEM_ACTIONS.has(action) ? "system" : "anonymous";
}

/**
 * Who acted, as a message key and its values under `activity.`: a person by address, a key
 * by the name it had then with the person who made it, or the system or a link's visitor.
 */
export function actorOf(e: { action: AuditAction; actorEmail: string | null; actorKeyName?: string | null }): {
  key: "person" | "byKey" | "system" | "anonymous";
  values: Record<string, string>;
} {
  if (e.actorKeyName) return { key: "byKey", values: { key: e.actorKeyName, email: e.actorEmail ?? "" } };
  if (e.actorEmail) return { key: "person", values: { email: e.actorEmail } };
  return { key: unnamedActor(e.action), values: {} };
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
  "url",
  "version",
] as const;

/** Every placeholder the `audit.*` catalog texts use, `blank` unless the event's details fill it. */
export function auditValues(details: Record<string, unknown> | null, blank = ""): Readonly<Record<string, string>> {
  const blanks = blanksOf(blank);
  if (!details) return blanks;
  const values: Record<string, string> = { ...blanks };
  for (const [k, v] of Object.entries(details)) values[k] = v == null ? "" : String(v);
  return values;
}

// The activity log's action filter names every action with the same blanks on every
// request, and each row starts from them: built once per blank, never changed.
const blanksByText = new Map<string, Readonly<Record<string, string>>>();
function blanksOf(blank: string): Readonly<Record<string, string>> {
  let blanks = blanksByText.get(blank);
  if (!blanks) blanksByText.set(blank, (blanks = Object.freeze(Object.fromEntries(AUDIT_PLACEHOLDERS.map((k) => [k, blank])))));
  return blanks;
}
