import { Badge } from "@/components/ui/badge";
import type { SubscriptionState } from "@/db/values/subscriptions";

/** A subscription's status as every list shows it: active green, suspended amber, cancelled gray. */
export function SubscriptionStateBadge({ state, label }: { state: SubscriptionState; label: string }) {
  return <Badge tone={state === "active" ? "green" : state === "suspended" ? "amber" : "gray"}>{label}</Badge>;
}
