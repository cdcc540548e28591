import { changedRows, firstRow } from "@/db/query";
import { and, eq, inArray } from "drizzle-orm";
import { adminRelationships, organizations, products, subscriptions, supportActions, supportAssignments } from "@/db/schema";
import { IN_FORCE } from "@/lib/admin-relationships/states";
import type { Actor } from "@/lib/auth/membership";
import { membersWith } from "@/lib/auth/recipients";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/db/transaction";
import type { ServiceContext } from "@/lib/context";
import { defineOperation } from "@/lib/operations/define";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import {
  assignSupportSchema,
  endSupportSchema,
  recordSupportActionSchema,
  type AssignSupportInput,
  type EndSupportInput,
  type RecordSupportActionInput,
} from "./schemas";
import { enqueueNotices } from "@/lib/email/notices";
import { activeResellerRelationship } from "@/lib/relationships/queries";
import { assertInGoodStanding } from "@/lib/partners/standing";

type Assignment = typeof supportAssignments.$inferSelect;

async function hasAdminAccess(tx: Tx | ServiceContext["db"], partnerId: string, customerId: string): Promise<boolean> {
  return !!(await firstRow(
    tx
      .select({ id: adminRelationships.id })
      .from(adminRelationships)
      .where(
        and(
          eq(adminRelationships.partnerId, partnerId),
          eq(adminRelationships.customerId, customerId),
          inArray(adminRelationships.state, [...IN_FORCE]),
        ),
      ),
  ));
}

async function tellPartner(
  ctx: ServiceContext,
  tx: Tx,
  a: Assignment,
  kind: "supportAssigned" | "supportEnded",
  vars: Record<string, string>,
  now: Date,
) {
  await enqueueNotices(tx, await membersWith(tx, [a.partnerId], "support.write"), {
    kind,
    outboxKind: `support.${kind}`,
    key: `support.${a.id}.${kind}`,
    vars,
    url: `${ctx.config.publicBaseUrl}/partner/${a.partnerId}/customers/${a.customerId}#supported`,
    relatedId: a.id,
    now,
  });
}

/**
 * Multi-channel: the customer's Global administrator assigns a subscription bought
 * elsewhere (direct, enterprise agreement, another partner) to a partner that holds admin
 * roles in the tenant, for provisioning and support. The subscription row is only read:
 * its purchase channel, billing and partner of record stay as bought (rule 3).
 */
export const assignSupport = defineOperation({
  name: "support.assign",
  input: assignSupportSchema,
  authorize: { organization: (input: AssignSupportInput) => input.customerId, permission: "customer.support.assign" },
  async run(ctx, input: AssignSupportInput, member) {
    const { tx, actor } = ctx;
    const customer = member.organization;
    const sub = await firstRow(
      ctx.db
        .select()
        .from(subscriptions)
        .where(and(eq(subscriptions.id, input.subscriptionId), eq(subscriptions.customerId, customer.id))),
    );
    if (!sub) throw new DomainError("NOT_FOUND");
    if (sub.state !== "active") throw new DomainError("SUBSCRIPTION_NOT_ACTIVE", { product: sub.product });
    // The catalog says which products another partner may support (multi-channel).
    const product = sub.productId
      ? await firstRow(ctx.db.select({ supportable: products.supportable }).from(products).where(eq(products.id, sub.productId)))
      : undefined;
    if (product && !product.supportable) throw new DomainError("NOT_SUPPORTABLE", { product: sub.product });
    // Only a partner this customer works with; any other id is "not found".
    const partner = (await activeResellerRelationship(ctx.db, input.partnerId, customer.id))
      ? await firstRow(
          ctx.db
            .select({ id: organizations.id, name: organizations.name, partnerState: organizations.partnerState })
            .from(organizations)
            .where(eq(organizations.id, input.partnerId)),
        )
      : undefined;
    if (!partner) throw new DomainError("NOT_FOUND", {}, { partnerId: ["partnerUnknown"] });
    // The partner gains the support work: one out of standing gains nothing.
    assertInGoodStanding(partner);
    // The partner that sold it already supports it: "supported, not sold" is for anyone else.
    if (sub.partnerOfRecordId === partner.id)
      throw new DomainError("SUPPORT_PARTNER_OF_RECORD", { partner: partner.name }, { partnerId: ["partnerOfRecord"] });
    if (!(await hasAdminAccess(ctx.db, partner.id, customer.id)))
      throw new DomainError("SUPPORT_NEEDS_ADMIN_RELATIONSHIP", { partner: partner.name }, { partnerId: ["needsAdminRelationship"] });
    const now = ctx.now();
    const row: Assignment = {
      id: newId("sup"),
      customerId: customer.id,
      subscriptionId: sub.id,
      partnerId: partner.id,
      state: "active",
      assignedByUserId: actor.userId,
      createdAt: now,
      endedAt: null,
    };

    // Re-assigning moves support: the previous partner's assignment ends in the same transaction.
    const previous = await firstRow(
      tx
        .select()
        .from(supportAssignments)
        .where(and(eq(supportAssignments.subscriptionId, sub.id), eq(supportAssignments.state, "active"))),
    );
    if (previous?.partnerId === partner.id) return { assignment: previous, partnerName: partner.name, product: sub.product };
    if (previous) await endAssignment(ctx, tx, previous, actor, now, "reassigned");
    await tx.insert(supportAssignments).values(row);
    const details = { product: sub.product, partner: partner.name, customer: customer.name };
    for (const organizationId of [customer.id, partner.id])
      await recordAudit(tx, {
        organizationId,
        customerId: customer.id,
        actor,
        action: "support.assigned",
        targetType: "subscription",
        targetId: sub.id,
        details,
        at: now,
      });
    await tellPartner(ctx, tx, row, "supportAssigned", { customer: customer.name, product: sub.product }, now);
    return { assignment: row, partnerName: partner.name, product: sub.product };
  },
});

async function endAssignment(
  ctx: ServiceContext,
  tx: Tx,
  a: Assignment,
  actor: Actor | null,
  now: Date,
  reason: "customer" | "reassigned" | "access_ended" | "cancelled",
) {
  const changed = changedRows(
    await tx
      .update(supportAssignments)
      .set({ state: "ended", endedAt: now })
      .where(and(eq(supportAssignments.id, a.id), eq(supportAssignments.state, "active"))),
  );
  if (changed !== 1) return false;
  const product =
    (await firstRow(tx.select({ product: subscriptions.product }).from(subscriptions).where(eq(subscriptions.id, a.subscriptionId))))
      ?.product ?? "";
  const customer =
    (await firstRow(tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, a.customerId))))?.name ?? "";
  for (const organizationId of [a.customerId, a.partnerId]) {
    await recordAudit(tx, {
      organizationId,
      customerId: a.customerId,
      actor,
      action: "support.ended",
      targetType: "subscription",
      targetId: a.subscriptionId,
      details: { product, reason },
      at: now,
    });
  }
  await tellPartner(ctx, tx, a, "supportEnded", { customer, product }, now);
  return true;
}

/** The customer's Global administrator takes a subscription's support back from a partner. */
export const endSupport = defineOperation({
  name: "support.end",
  input: endSupportSchema,
  authorize: { organization: (input: EndSupportInput) => input.customerId, permission: "customer.support.assign" },
  async run(ctx, input: EndSupportInput, member) {
    const { tx, actor } = ctx;
    const a = await firstRow(
      ctx.db
        .select()
        .from(supportAssignments)
        .where(and(eq(supportAssignments.id, input.assignmentId), eq(supportAssignments.customerId, member.organization.id))),
    );
    if (!a) throw new DomainError("NOT_FOUND");
    if (!(await endAssignment(ctx, tx, a, actor, ctx.now(), "customer"))) throw new DomainError("SUPPORT_ENDED");
    return a;
  },
});

/** A cancelled subscription needs no support: its assignment ends in the cancelling transaction. */
export async function endSupportOfSubscription(
  ctx: ServiceContext,
  tx: Tx,
  subscriptionId: string,
  actor: Actor | null,
  now: Date,
): Promise<void> {
  const a = await firstRow(
    tx
      .select()
      .from(supportAssignments)
      .where(and(eq(supportAssignments.subscriptionId, subscriptionId), eq(supportAssignments.state, "active"))),
  );
  if (a) await endAssignment(ctx, tx, a, actor, now, "cancelled");
}

/**
 * A partner without admin roles in the tenant is no longer a support contact: called in the
 * transaction that ends its last admin relationship or its reseller relationship.
 */
export async function endSupportWithoutAdminAccess(
  ctx: ServiceContext,
  tx: Tx,
  partnerId: string,
  customerId: string,
  actor: Actor | null,
  now: Date,
): Promise<number> {
  if (await hasAdminAccess(tx, partnerId, customerId)) return 0;
  const active = await tx
    .select()
    .from(supportAssignments)
    .where(
      and(
        eq(supportAssignments.partnerId, partnerId),
        eq(supportAssignments.customerId, customerId),
        eq(supportAssignments.state, "active"),
      ),
    );
  let ended = 0;
  for (const a of active) if (await endAssignment(ctx, tx, a, actor, now, "access_ended")) ended++;
  return ended;
}

/** The partner records what it did on a subscription it supports (an audit trail the customer sees too). */
export const recordSupportAction = defineOperation({
  name: "support.action.record",
  input: recordSupportActionSchema,
  authorize: { organization: (input: RecordSupportActionInput) => input.partnerId, permission: "support.write" },
  async run(ctx, input: RecordSupportActionInput, member) {
    const { tx, actor } = ctx;
    const a = await firstRow(
      ctx.db
        .select()
        .from(supportAssignments)
        .where(and(eq(supportAssignments.id, input.assignmentId), eq(supportAssignments.partnerId, member.organization.id))),
    );
    if (!a) throw new DomainError("NOT_FOUND");
    if (a.state !== "active") throw new DomainError("SUPPORT_ENDED");
    const now = ctx.now();
    const id = newId("act");

    await tx
      .insert(supportActions)
      .values({ id, assignmentId: a.id, partnerId: a.partnerId, userId: actor.userId, note: input.note, createdAt: now });
    for (const organizationId of [a.partnerId, a.customerId]) {
      await recordAudit(tx, {
        organizationId,
        customerId: a.customerId,
        actor,
        action: "support.action_recorded",
        targetType: "subscription",
        targetId: a.subscriptionId,
        details: { note: input.note.slice(0, 200) },
        at: now,
      });
    }

    return { id };
  },
});
