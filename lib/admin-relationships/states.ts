import type { AdminRelationshipState } from "@/db/values/admin-relationships";

/** States in which the approved roles are in force. */
export const IN_FORCE: readonly AdminRelationshipState[] = ["active", "expiring"];
export function isInForce(state: AdminRelationshipState): boolean {
  return IN_FORCE.includes(state);
}
