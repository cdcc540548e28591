import { changedRows, firstRow } from "@/db/query";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { adminRelationships, organizations, resellerRelationships } from "@/db/schema";
import { enqueueEmail } from "@/lib/email/outbox";
import { relationshipEndedEmail } from "@/lib/email/templates";
import { deleteAssignmentsOf } from "@/lib/access/assignments";
import { notifyAdminRelationship } from "@/lib/admin-relationships/notify";
import { IN_FORCE } from "@/lib/admin-relationships/states";
import { fromStates } from "@/lib/admin-relationships/state-machine";
import { apply, audit } from "@/lib/admin-relationships/transitions";
import type { Actor } from "@/lib/auth/membership";
import { membersWith } from "@/lib/auth/recipients";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/db/transaction";
import type { ServiceContext } from "@/lib/context";
import { defineOperation, type OperationContext } from "@/lib/operations/define";
import { removeCustomerSchema, removePartnerSchema } from "./schemas";
import { DomainError } from "@/lib/errors";
import { endSupportWithoutAdminAccess } from "@/lib/support/service";
import { activeResellerRelationship } from "./queries";
import { partnersEnding, removalPreview, type Side } from "./removal-preview";

async function activeRelationshipOrThrow(db: Db, partnerId: string, customerId: string) {
  const rel = await activeResellerRelationship(db, partnerId, customerId);
  if (!rel) throw new DomainError("NOT_FOUND");
  return rel;
}

/**
 * Ends a partner's admin relationships in the tenant (those in force, and the requests still
 * waiting for an answer: rule 9), their access assignments and its support assignments, in
 * the caller's transaction. `auditOrg` is whose log records the acting side.
 */
export async function endAdminAccess(
  ctx: ServiceContext,
  tx: Tx,
  actor: Actor | null,
  p: { partnerId: string; customerId: string; by: Side; auditOrg: string; now: Date },
): Promise<number> {
  const { partnerId, customerId, by, now } = p;
  const ending = await tx
    .select()
    .from(adminRelationships)
    .where(
      and(
        eq(adminRelationships.partnerId, partnerId),
        eq(adminRelationships.customerId, customerId),
        inArray(adminRelationships.state, [...IN_FORCE]),
      ),
    );
  for (const row of ending) {
    const requested = await apply(tx, row, "requestTermination", by, {});
    const terminated = await apply(tx, requested, "completeTermination", "system", { endedAt: now });
    await deleteAssignmentsOf(tx, terminated.id, now);
    await audit(tx, terminated, actor, "admin_relationship.terminated", now, p.auditOrg);
    await notifyAdminRelationship(ctx, tx, "terminated", terminated, now);
  }
  const waiting = await tx
    .select()
    .from(adminRelationships)
    .where(
      and(
        eq(adminRelationships.partnerId, partnerId),
        eq(adminRelationships.customerId, customerId),
        inArray(adminRelationships.state, fromStates("withdraw")),
      ),
    );
  for (const row of waiting) {
    const withdrawn = await apply(tx, row, "withdraw", "system", { endedAt: now });
    await audit(tx, withdrawn, actor, "admin_relationship.terminated", now, p.auditOrg);
  }
  await endSupportWithoutAdminAccess(ctx, tx, partnerId, customerId, actor, now);
  return ending.length + waiting.length;
}

/**
 * Ends one active reseller relationship and everything that hangs on it, in the caller's
 * transaction, and tells both sides. Subscriptions, their partner of record and every other
 * partner stay exactly as they were (rules 1 and 3).
 */
export async function endRelationshipIn(
  ctx: ServiceContext,
  tx: Tx,
  actor: Actor | null,
  p: {
    partnerId: string;
    customerId: string;
    by: Side;
    auditOrg: string;
    attestation: string | null;
    names: Map<string, string>;
    now: Date;
    reason?: string;
  },
): Promise<void> {
  const { partnerId, customerId, names, now } = p;
  const rel = await activeResellerRelationship(tx, partnerId, customerId);
  const changed = rel
    ? changedRows(
        await tx
          .update(resellerRelationships)
          .set({ state: "ended", endedAt: now })
          .where(and(eq(resellerRelationships.id, rel.id), eq(resellerRelationships.state, "active"))),
      )
    : 0;
  if (!rel || changed !== 1) throw new DomainError("NOT_FOUND");
  const adminRelationshipsEnded = await endAdminAccess(ctx, tx, actor, { partnerId, customerId, by: p.by, auditOrg: p.auditOrg, now });
  await recordAudit(tx, {
    organizationId: p.auditOrg,
    customerId,
    actor,
    action: "reseller_relationship.removed",
    targetType: "reseller_relationship",
    targetId: rel.id,
    details: {
      by: p.reason ?? p.by,
      partner: names.get(partnerId) ?? "",
      adminRelationships: adminRelationshipsEnded,
      attestation: p.attestation,
    },
    at: now,
  });
  // Both sides hear of it: the partner's people who can remove, the customer's Global administrators.
  const recipients = [
    ...(await membersWith(tx, [partnerId], "relationships.remove")),
    ...(await membersWith(tx, [customerId], "customer.partners.remove")),
  ];
  for (const to of recipients) {
    const url =
      to.organizationId === customerId
        ? `${ctx.config.publicBaseUrl}/customer/${customerId}`
        : `${ctx.config.publicBaseUrl}/partner/${partnerId}/customers`;
    const vars = { locale: to.locale, partnerName: names.get(partnerId) ?? "", customerName: names.get(customerId) ?? "", url };
    await enqueueEmail(
      tx,
      {
        idempotencyKey: `reseller_relationship.${rel.id}.removed.${to.email}`,
        kind: "reseller_relationship.removed",
        to: to.email,
        organizationId: to.organizationId,
        relatedId: rel.id,
        ...relationshipEndedEmail(vars),
      },
      now,
    );
  }
}

/** Ends the reseller relationships (the partner's, and its resellers' for a provider) in the operation's transaction. */
async function endRelationships(ctx: OperationContext, partnerId: string, customerId: string, by: Side, attestation: string | null) {
  const { tx, actor } = ctx;
  {
    await activeRelationshipOrThrow(ctx.db, partnerId, customerId);
    const now = ctx.now();

    const ending = await partnersEnding(tx, partnerId, customerId, by);
    const names = new Map(
      (
        await tx
          .select({ id: organizations.id, name: organizations.name })
          .from(organizations)
          .where(inArray(organizations.id, [...ending, customerId]))
      ).map((o) => [o.id, o.name]),
    );
    for (const endingPartner of ending) {
      await endRelationshipIn(ctx, tx, actor, {
        partnerId: endingPartner,
        customerId,
        by,
        auditOrg: by === "partner" ? partnerId : customerId,
        attestation,
        names,
        now,
      });
    }
    return { partnerName: names.get(partnerId) ?? "", customerName: names.get(customerId) ?? "", resellersEnded: ending.length - 1 };
  }
}

/** A partner ends its reseller relationship with a customer: never while it is partner of record of an active subscription, never as an indirect reseller, and only with a written attestation. */
export const removeCustomer = defineOperation({
  name: "reseller_relationship.remove_customer",
  input: removeCustomerSchema,
  authorize: { organization: (input) => input.partnerId, permission: "relationships.remove" },
  async run(ctx, input, member) {
    await activeRelationshipOrThrow(ctx.db, member.organization.id, input.customerId);
    // An indirect reseller's customers are removed by its provider, as the program's rules say.
    if (member.organization.partnerType === "indirect_reseller") throw new DomainError("RESELLER_CANNOT_REMOVE");
    const { blockers } = await removalPreview(ctx.db, member.organization.id, input.customerId);
    if (blockers.length > 0) throw new DomainError("REMOVAL_BLOCKED", { count: String(blockers.length) });
    return await endRelationships(ctx, member.organization.id, input.customerId, "partner", input.attestation);
  },
});

/**
 * A customer's Global administrator removes a partner outright, or only its admin roles
 * (the reseller relationship stays). Its subscriptions keep their partner of record.
 */
export const removePartner = defineOperation({
  name: "reseller_relationship.remove_partner",
  input: removePartnerSchema,
  authorize: { organization: (input) => input.customerId, permission: "customer.partners.remove" },
  async run(ctx, input, member) {
    const customerId = member.organization.id;
    if (input.scope === "everything")
      return { ...(await endRelationships(ctx, input.partnerId, customerId, "customer", null)), adminRelationshipsEnded: 0 };
    await activeRelationshipOrThrow(ctx.db, input.partnerId, customerId);
    const partnerName =
      (await firstRow(ctx.db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, input.partnerId))))
        ?.name ?? "";
    const ended = await endAdminAccess(ctx, ctx.tx, ctx.actor, {
      partnerId: input.partnerId,
      customerId,
      by: "customer",
      auditOrg: customerId,
      now: ctx.now(),
    });
    return { partnerName, customerName: member.organization.name, resellersEnded: 0, adminRelationshipsEnded: ended };
  },
});
