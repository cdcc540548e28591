import { changedRows, firstRow } from "@/db/query";
import { and, eq, isNull } from "drizzle-orm";
import { subscriptions } from "@/db/schema";
import type { Member } from "@/lib/auth/membership";
import type { ServiceContext } from "@/lib/context";
import { defineOperation, type OperationContext } from "@/lib/operations/define";
import { checkVersion, nextVersion } from "@/lib/operations/version";
import { DomainError } from "@/lib/errors";
import { assertInGoodStanding } from "@/lib/partners/standing";
import { activeResellerRelationship } from "@/lib/relationships/queries";
import { endSupportOfSubscription } from "@/lib/support/service";
import { auditChange, tellCustomer } from "./effects";
import { SUBSCRIPTION_TRANSITIONS, subscriptionTransition, type SubscriptionEvent } from "./lifecycle";
import { changeSeatsSchema, subscriptionRefSchema, type ChangeSeatsInput, type SubscriptionRef } from "./schemas";

/*
 * Changes to a subscription sold or recorded: its seats and its state. Each is checked
 * against the subscription as it is in the writing transaction, audited on both sides and
 * emailed to the customer's administrators.
 */

type Subscription = typeof subscriptions.$inferSelect;

/**
 * The subscription the acting organization may change, or "not found": for a partner, one it
 * is partner of record of, with the customer still its customer (an ended relationship gives
 * nothing); for a customer, one of its own that no partner sold.
 */
async function ownSubscription(ctx: ServiceContext, member: Member, ref: SubscriptionRef): Promise<Subscription> {
  const kind = member.organization.kind;
  const org = member.organization.id;
  const sub = await firstRow(
    ctx.db
      .select()
      .from(subscriptions)
      .where(
        and(
          eq(subscriptions.id, ref.subscriptionId),
          kind === "partner"
            ? eq(subscriptions.partnerOfRecordId, org)
            : and(eq(subscriptions.customerId, org), isNull(subscriptions.partnerOfRecordId)),
        ),
      ),
  );
  if (!sub) throw new DomainError("NOT_FOUND");
  if (kind === "partner" && !(await activeResellerRelationship(ctx.db, org, sub.customerId))) throw new DomainError("NOT_FOUND");
  return sub;
}

/** A subscription's version: the moment of its last change of seats or state, or of its sale. */
export const subscriptionVersion = (s: { createdAt: Date; updatedAt: Date | null }): Date => s.updatedAt ?? s.createdAt;

/** Who changes a subscription: the partner of record's sellers, or the customer's Global administrator for one it recorded. */
const SUBSCRIPTION_WRITE = { partner: "subscriptions.write", customer: "customer.subscriptions.write" } as const;

/** Sets the seat count of an active subscription. A suspended partner sells nothing more. */
export const changeSeats = defineOperation({
  name: "subscription.seats.change",
  input: changeSeatsSchema,
  authorize: { organization: (input) => input.organizationId, permission: SUBSCRIPTION_WRITE },
  async run(ctx, input: ChangeSeatsInput, member): Promise<Subscription> {
    const { tx, actor } = ctx;
    const sub = await ownSubscription(ctx, member, input);
    if (member.organization.kind === "partner") assertInGoodStanding(member.organization);
    checkVersion(input.version, subscriptionVersion(sub));
    if (sub.state !== "active") throw new DomainError("SUBSCRIPTION_STATE", { from: sub.state, event: "seats" });
    const now = ctx.now();
    const next = { ...sub, seats: input.seats, updatedAt: nextVersion(subscriptionVersion(sub), now) };

    const changed = changedRows(
      await tx
        .update(subscriptions)
        .set({ seats: input.seats, updatedAt: next.updatedAt })
        .where(and(eq(subscriptions.id, sub.id), eq(subscriptions.state, "active"), eq(subscriptions.seats, sub.seats))),
    );
    if (changed !== 1) throw new DomainError("SUBSCRIPTION_STATE", { from: sub.state, event: "seats" });
    await auditChange(tx, member, actor, next, "subscription.seats_changed", { from: sub.seats, to: input.seats }, now);
    await tellCustomer(ctx, tx, next, "subscriptionSeats", member.organization.name, now);

    return next;
  },
});

/**
 * Suspends, reactivates or cancels, with a conditional update on the state read. Reactivating
 * sells again, which a suspended partner may not; suspending and cancelling it always may
 * (that is what a removal asks of it first). A cancelled subscription's support ends with it.
 */
function stateChange(event: SubscriptionEvent) {
  return defineOperation({
    name: `subscription.${event}`,
    input: subscriptionRefSchema,
    authorize: { organization: (ref) => ref.organizationId, permission: SUBSCRIPTION_WRITE },
    run: async (ctx, ref, member) => await changeState(ctx, member, { ...ref, event }),
  });
}

export const suspendSubscription = stateChange("suspend");
export const reactivateSubscription = stateChange("reactivate");
export const cancelSubscription = stateChange("cancel");

async function changeState(
  ctx: OperationContext,
  member: Member,
  input: SubscriptionRef & { event: SubscriptionEvent },
): Promise<Subscription> {
  const { tx, actor } = ctx;
  {
    const sub = await ownSubscription(ctx, member, input);
    if (input.event === "reactivate" && member.organization.kind === "partner") assertInGoodStanding(member.organization);
    const rule = SUBSCRIPTION_TRANSITIONS[input.event];
    const now = ctx.now();
    const next = { ...sub, state: subscriptionTransition(sub.state, input.event), updatedAt: nextVersion(subscriptionVersion(sub), now) };

    const changed = changedRows(
      await tx
        .update(subscriptions)
        .set({ state: next.state, updatedAt: next.updatedAt })
        .where(and(eq(subscriptions.id, sub.id), eq(subscriptions.state, sub.state))),
    );
    if (changed !== 1) throw new DomainError("SUBSCRIPTION_STATE", { from: sub.state, event: input.event });
    if (next.state === "cancelled") await endSupportOfSubscription(ctx, tx, sub.id, actor, now);
    await auditChange(tx, member, actor, next, rule.action, {}, now);
    await tellCustomer(ctx, tx, next, rule.notice, member.organization.name, now);

    return next;
  }
}

/** Each state change's operation, by its event. */
export const SUBSCRIPTION_STATE_CHANGES = {
  suspend: suspendSubscription,
  reactivate: reactivateSubscription,
  cancel: cancelSubscription,
} as const satisfies Record<SubscriptionEvent, unknown>;
