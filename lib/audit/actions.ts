/** Every audit action the app writes; dotted, past tense (STYLE.md). */
export const AUDIT_ACTIONS = [
  "invitation.sent",
  "invitation.resent",
  "invitation.revoked",
  "invitation.opened",
  "invitation.accepted",
  "invitation.declined",
  "customer.created",
  "reseller_relationship.created",
  "reseller_relationship.removed",
  "partnership.invited",
  "partnership.revoked",
  "partnership.authorized",
  "partnership.declined",
  "partnership.ended",
  "support.assigned",
  "support.ended",
  "support.action_recorded",
  "admin_relationship.requested",
  "admin_relationship.approved",
  "admin_relationship.rejected",
  "admin_relationship.terminated",
  "admin_relationship.expiring",
  "admin_relationship.extended",
  "admin_relationship.expired",
  "admin_relationship.lapsed",
  "access_assignment.created",
  "access_assignment.deleted",
  "security_group.member_added",
  "security_group.member_removed",
  "member.invited",
  "member.joined",
  "member.declined",
  "member.invitation_revoked",
  "member.roles_changed",
  "member.removed",
  "operator.added",
  "application.submitted",
  "application.approved",
  "application.rejected",
  "application.withdrawn",
  "partner.enrolled",
  "partner.suspended",
  "partner.reinstated",
  "partner.offboarded",
  "product.added",
  "product.changed",
  "product.removed",
  "subscription.created",
  "subscription.seats_changed",
  "subscription.suspended",
  "subscription.reactivated",
  "subscription.cancelled",
  "subscription.recorded",
  "subscription.imported",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

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
