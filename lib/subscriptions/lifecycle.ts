import { DomainError } from "@/lib/errors";
import type { SubscriptionState } from "@/db/values/subscriptions";

/** The subscription lifecycle in one table: every change of state goes through it. */
export const SUBSCRIPTION_TRANSITIONS = {
  suspend: { from: ["active"], to: "suspended", action: "subscription.suspended", notice: "subscriptionSuspended" },
  reactivate: { from: ["suspended"], to: "active", action: "subscription.reactivated", notice: "subscriptionReactivated" },
  cancel: { from: ["active", "suspended"], to: "cancelled", action: "subscription.cancelled", notice: "subscriptionCancelled" },
} as const satisfies Record<string, { from: readonly SubscriptionState[]; to: SubscriptionState; action: string; notice: string }>;

export type SubscriptionEvent = keyof typeof SUBSCRIPTION_TRANSITIONS;

export function subscriptionTransition(from: SubscriptionState, event: SubscriptionEvent): SubscriptionState {
  const rule = SUBSCRIPTION_TRANSITIONS[event];
  if (!(rule.from as readonly SubscriptionState[]).includes(from)) throw new DomainError("SUBSCRIPTION_STATE", { from, event });
  return rule.to;
}
