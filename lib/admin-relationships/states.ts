/** Stored lifecycle states of a granular delegated admin relationship (DOMAIN.md). */
export const ADMIN_RELATIONSHIP_STATES = [
  "created",
  "approvalPending",
  "active",
  "expiring",
  "expired",
  "terminationRequested",
  "terminated",
  "rejected",
  "lapsed",
] as const;
export type AdminRelationshipState = (typeof ADMIN_RELATIONSHIP_STATES)[number];

/** States in which the approved roles are in force. */
export const IN_FORCE: readonly AdminRelationshipState[] = ["active", "expiring"];
export function isInForce(state: AdminRelationshipState): boolean {
  return IN_FORCE.includes(state);
}
