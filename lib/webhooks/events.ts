import type { AuditAction } from "@/db/values/audit";

/**
 * What an endpoint can subscribe to. The program's own portal names the first ones (its
 * relationship events); the rest are ours, named the same way: the resource, then what
 * happened to it.
 */
export const WEBHOOK_EVENT_TYPES = [
  "reseller-relationship-accepted-by-customer",
  "indirect-reseller-relationship-accepted-by-customer",
  "invitation-sent",
  "invitation-opened",
  "invitation-declined",
  "invitation-expired",
  "invitation-revoked",
  "granular-admin-relationship-requested",
  "granular-admin-relationship-approved",
  "granular-admin-relationship-activated",
  "granular-admin-relationship-rejected",
  "granular-admin-relationship-expiring",
  "granular-admin-relationship-auto-extended",
  "granular-admin-relationship-terminated",
  "granular-admin-relationship-expired",
  "granular-admin-relationship-lapsed",
  "granular-admin-access-assignment-created",
  "granular-admin-access-assignment-activated",
  "granular-admin-access-assignment-updated",
  "granular-admin-access-assignment-deleted",
  "member-roles-changed",
  "partner-suspended",
  "partner-reinstated",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent only by "send a test event", to the one endpoint asked; nobody subscribes to it. */
export const TEST_EVENT = "webhook-test";

/**
 * The activity-log entries that are also webhook events. Every write records its audit row
 * in its own transaction, so an event is queued with the change, by whatever caller made it
 * (a page, the API, the scheduled job), and nobody has to remember to send it. Events with no
 * audit row of their own (activation of assignments, the 30/7/1-day notices) are queued
 * where they happen.
 */
export const EVENTS_OF_AUDIT: Partial<Record<AuditAction, readonly WebhookEventType[]>> = {
  "invitation.sent": ["invitation-sent"],
  "invitation.opened": ["invitation-opened"],
  "invitation.declined": ["invitation-declined"],
  // Noted by the scheduled job once its time ran out (lib/invitations/expiry.ts).
  "invitation.expired": ["invitation-expired"],
  "invitation.revoked": ["invitation-revoked"],
  // Direct or indirect is decided by the relationship (lib/webhooks/queue.ts).
  "reseller_relationship.created": ["reseller-relationship-accepted-by-customer"],
  "admin_relationship.requested": ["granular-admin-relationship-requested"],
  // Approval makes the relationship active at once; the portal's two events both follow.
  "admin_relationship.approved": ["granular-admin-relationship-approved", "granular-admin-relationship-activated"],
  "admin_relationship.rejected": ["granular-admin-relationship-rejected"],
  "admin_relationship.extended": ["granular-admin-relationship-auto-extended"],
  "admin_relationship.terminated": ["granular-admin-relationship-terminated"],
  "admin_relationship.expired": ["granular-admin-relationship-expired"],
  "admin_relationship.lapsed": ["granular-admin-relationship-lapsed"],
  "access_assignment.created": ["granular-admin-access-assignment-created"],
  "access_assignment.changed": ["granular-admin-access-assignment-updated"],
  "access_assignment.deleted": ["granular-admin-access-assignment-deleted"],
  "member.roles_changed": ["member-roles-changed"],
  "partner.suspended": ["partner-suspended"],
  "partner.reinstated": ["partner-reinstated"],
};
