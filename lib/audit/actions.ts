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
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
