import { DomainError } from "@/lib/errors";
import type { AdminRelationshipState } from "@/db/values/admin-relationships";

/** Who makes a transition: the partner's people, the customer's Global administrators, or the scheduled job. */
export type Side = "partner" | "customer" | "system";

/**
 * The whole lifecycle in one table. Every change of state goes through `transition`, so a
 * transition missing here cannot happen anywhere.
 */
export const TRANSITIONS = {
  request: { from: ["created"], to: "approvalPending", by: ["partner"] },
  approve: { from: ["approvalPending"], to: "active", by: ["customer"] },
  reject: { from: ["approvalPending"], to: "rejected", by: ["customer"] },
  lapse: { from: ["approvalPending"], to: "lapsed", by: ["system"] },
  markExpiring: { from: ["active"], to: "expiring", by: ["system"] },
  extend: { from: ["active", "expiring"], to: "active", by: ["system"] },
  expire: { from: ["active", "expiring"], to: "expired", by: ["system"] },
  requestTermination: { from: ["active", "expiring"], to: "terminationRequested", by: ["partner", "customer"] },
  completeTermination: { from: ["terminationRequested"], to: "terminated", by: ["system"] },
  // A request nobody answered ends with its partner (offboarded by the program operator).
  withdraw: { from: ["created", "approvalPending"], to: "terminated", by: ["system"] },
} as const satisfies Record<string, { from: readonly AdminRelationshipState[]; to: AdminRelationshipState; by: readonly Side[] }>;

export type AdminRelationshipEvent = keyof typeof TRANSITIONS;

/** The state after `event`, or a refusal: FORBIDDEN for the wrong side, INVALID_TRANSITION for the wrong state. */
export function transition(from: AdminRelationshipState, event: AdminRelationshipEvent, by: Side): AdminRelationshipState {
  const rule = TRANSITIONS[event];
  if (!(rule.by as readonly Side[]).includes(by)) throw new DomainError("FORBIDDEN");
  if (!(rule.from as readonly AdminRelationshipState[]).includes(from)) throw new DomainError("INVALID_TRANSITION", { from, event });
  return rule.to;
}

/** The states from which an event may start: what conditional updates check against. */
export function fromStates(event: AdminRelationshipEvent): AdminRelationshipState[] {
  return [...TRANSITIONS[event].from];
}
