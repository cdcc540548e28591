import { firstRow } from "@/db/query";
import { eq } from "drizzle-orm";
import { products, subscriptions } from "@/db/schema";
import type { Actor, Member } from "@/lib/auth/membership";
import type { Tx } from "@/db/transaction";
import type { ServiceContext } from "@/lib/context";
import { defineOperation } from "@/lib/operations/define";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { TERM_MONTHS } from "@/db/values/subscriptions";
import type { Cloud } from "@/db/values/organizations";
import { auditChange, tellCustomer } from "./effects";
import { createSubscriptionSchema, recordSubscriptionSchema, type CreateSubscriptionInput, type RecordSubscriptionInput } from "./schemas";
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
