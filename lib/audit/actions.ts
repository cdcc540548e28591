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
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
