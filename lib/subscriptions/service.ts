import { changedRows, firstRow } from "@/db/query";
import { checkVersion, nextVersion } from "@/lib/operations/version";
import { and, eq, isNull } from "drizzle-orm";
import { products, subscriptions } from "@/db/schema";
import type { Actor, Member } from "@/lib/auth/membership";
import { membersWith } from "@/lib/auth/recipients";
import type { AuditAction } from "@/db/values/audit";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/db/transaction";
import type { ServiceContext } from "@/lib/context";
import { defineOperation, type OperationContext } from "@/lib/operations/define";
import type { NoticeKind } from "@/lib/email/templates";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { assertInGoodStanding } from "@/lib/partners/standing";
import { endSupportOfSubscription } from "@/lib/support/service";
import { TERM_MONTHS } from "@/db/values/subscriptions";
import type { Cloud } from "@/db/values/organizations";
import { SUBSCRIPTION_TRANSITIONS, subscriptionTransition, type SubscriptionEvent } from "./lifecycle";
import {
  changeSeatsSchema,
  createSubscriptionSchema,
  recordSubscriptionSchema,
  subscriptionRefSchema,
  type ChangeSeatsInput,
  type CreateSubscriptionInput,
  type RecordSubscriptionInput,
  type SubscriptionRef,
} from "./schemas";
import { enqueueNotices } from "@/lib/email/notices";
import { activeResellerRelationship } from "@/lib/relationships/queries";

/*
 * The only code that writes subscriptions (rule 3: relationship operations never do).
 * A partner acts on the subscriptions it is partner of record of, while its reseller
 * relationship with the customer is active; a customer's Global administrator acts on those
 * it recorded itself (bought directly or under an enterprise agreement). Every change is
 * audited on both sides and emailed to the customer's administrators.
 */

type Subscription = typeof subscriptions.$inferSelect;

function addMonths(from: Date, months: number): Date {
  const d = new Date(from.getTime());
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}

type Product = typeof products.$inferSelect;

/**
 * What a sale needs, one rule for one sale and for each row of an import (the import's dry run
 * reports these per row): the customer is the partner's customer now (an active reseller
 * relationship), and the product is of the partner's cloud and offered now (not withdrawn by
 * the program's operators).
 */
export function saleProblems(p: { relationship: unknown; product: Product | null | undefined; cloud: Cloud }): ("customer" | "product")[] {
  const problems: ("customer" | "product")[] = [];
  if (!p.relationship) problems.push("customer");
  if (!p.product || p.product.cloud !== p.cloud || !p.product.available) problems.push("product");
  return problems;
}

/** A product of the customer's cloud that is offered now; anything else reads as a field error. */
async function offeredProduct(ctx: ServiceContext, cloud: Cloud, productId: string) {
  const product = await firstRow(ctx.db.select().from(products).where(eq(products.id, productId)));
  if (saleProblems({ relationship: true, product, cloud }).length)
    throw new DomainError("PRODUCT_UNAVAILABLE", {}, { productId: ["productUnavailable"] });
  return product!;
}

async function tellCustomer(ctx: ServiceContext, tx: Tx, sub: Subscription, kind: NoticeKind, by: string, now: Date) {
  await enqueueNotices(tx, await membersWith(tx, [sub.customerId], "customer.dashboard.read"), {
    kind,
    outboxKind: `subscription.${kind}`,
    key: `subscription.${sub.id}.${kind}.${now.getTime()}`,
    vars: { product: sub.product, seats: String(sub.seats), partner: by },
    url: `${ctx.config.publicBaseUrl}/customer/${sub.customerId}#subscriptions`,
    relatedId: sub.id,
    now,
  });
}

async function auditChange(
  tx: Tx,
  member: Member,
  actor: Actor,
  sub: Subscription,
  action: AuditAction,
  details: Record<string, string | number>,
  now: Date,
) {
  await recordAudit(tx, {
    organizationId: member.organization.id,
    customerId: sub.customerId,
    actor,
    action,
    targetType: "subscription",
    targetId: sub.id,
    details: { product: sub.product, seats: sub.seats, ...details },
    at: now,
  });
}

/** The partner of record sells a subscription from its cloud's catalog to one of its customers. */
export const createSubscription = defineOperation({
  name: "subscription.create",
  input: createSubscriptionSchema,
  authorize: { organization: (input: CreateSubscriptionInput) => input.partnerId, permission: "subscriptions.write", standing: true },
  async run(ctx, input: CreateSubscriptionInput, member): Promise<Subscription> {
    const { tx, actor } = ctx;
    const now = ctx.now();
    const sub = await sellIn(ctx, tx, member, actor, {
      customerId: input.customerId,
      productId: input.productId,
      seats: input.seats,
      term: input.term,
      termEndsAt: addMonths(now, TERM_MONTHS[input.term]),
      state: "active",
      action: "subscription.created",
    });
    await tellCustomer(ctx, tx, sub, "subscriptionCreated", member.organization.name, now);
    return sub;
  },
});

/**
 * One sale in the caller's transaction, the only code that writes a partner's new subscription
 * (a single sale, and each row of an import): the sale's rules (saleProblems), the row, its
 * audit row. Telling the customer is the caller's: one email a sale, or one an import.
 */
export async function sellIn(
  ctx: ServiceContext,
  tx: Tx,
  member: Member,
  actor: Actor,
  sale: Pick<Subscription, "customerId" | "productId" | "seats" | "term" | "termEndsAt" | "state"> & {
    productId: string;
    action: "subscription.created" | "subscription.imported";
  },
): Promise<Subscription> {
  const rel = await activeResellerRelationship(tx, member.organization.id, sale.customerId);
  if (!rel) throw new DomainError("NOT_FOUND");
  const product = await offeredProduct(ctx, member.organization.cloud, sale.productId);
  const now = ctx.now();
  const sub: Subscription = {
    id: newId("sub"),
    customerId: sale.customerId,
    product: product.name,
    productId: product.id,
    seats: sale.seats,
    state: sale.state,
    purchaseChannel: "partner",
    partnerOfRecordId: member.organization.id,
    term: sale.term,
    termEndsAt: sale.termEndsAt,
    createdAt: now,
    updatedAt: null,
  };
  await tx.insert(subscriptions).values(sub);
  await auditChange(tx, member, actor, sub, sale.action, { customer: rel.customerName, partner: member.organization.name }, now);
  return sub;
}

/** The customer's Global administrator records a subscription it bought elsewhere, so it can be assigned for support (rule 6). */
export const recordSubscription = defineOperation({
  name: "subscription.record",
  input: recordSubscriptionSchema,
  authorize: { organization: (input: RecordSubscriptionInput) => input.customerId, permission: "customer.subscriptions.write" },
  async run(ctx, input: RecordSubscriptionInput, member): Promise<Subscription> {
    const { tx, actor } = ctx;
    const product = await offeredProduct(ctx, member.organization.cloud, input.productId);
    const now = ctx.now();
    if (input.termEndsAt.getTime() <= now.getTime()) throw new DomainError("VALIDATION", {}, { termEndsAt: ["dateInPast"] });
    const sub: Subscription = {
      id: newId("sub"),
      customerId: member.organization.id,
      product: product.name,
      productId: product.id,
      seats: input.seats,
      state: "active",
      purchaseChannel: input.channel,
      partnerOfRecordId: null,
      term: null,
      termEndsAt: input.termEndsAt,
      createdAt: now,
      updatedAt: null,
    };

    await tx.insert(subscriptions).values(sub);
    await auditChange(tx, member, actor, sub, "subscription.recorded", { customer: member.organization.name }, now);
    await tellCustomer(ctx, tx, sub, "subscriptionRecorded", member.organization.name, now);

    return sub;
  },
});

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

/** Who changes a subscription: the partner of record's sellers, or the customer's Global administrator for one it recorded. */
/** A subscription's version: the moment of its last change of seats or state, or of its sale. */
export const subscriptionVersion = (s: { createdAt: Date; updatedAt: Date | null }): Date => s.updatedAt ?? s.createdAt;

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
