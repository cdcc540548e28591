import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { adminRelationships, organizations, resellerRelationships, subscriptions, supportAssignments } from "@/db/schema";
import { enqueueEmail } from "@/lib/email/outbox";
import { relationshipEndedEmail } from "@/lib/email/templates";
import { deleteAssignmentsOf } from "@/lib/access/assignments";
import { notifyAdminRelationship } from "@/lib/admin-relationships/notify";
import { IN_FORCE } from "@/lib/admin-relationships/states";
import { fromStates } from "@/lib/admin-relationships/state-machine";
import { apply, audit } from "@/lib/admin-relationships/transitions";
import { requirePermission, type Actor } from "@/lib/auth/membership";
import { membersWith } from "@/lib/auth/recipients";
import { recordAudit } from "@/lib/audit/record";
import { transaction, type Tx } from "@/db/transaction";
import type { ServiceContext } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { endSupportWithoutAdminAccess } from "@/lib/support/service";
import { activeResellerRelationship } from "./queries";

type Side = "partner" | "customer";

/**
 * Whose relationships with the customer a removal ends. A customer removes exactly the
 * partner it names. A provider removing a customer also ends the relationships of the
 * resellers that brought that customer through it (a reseller cannot remove its own).
 */
function partnersEnding(db: Db | Tx, partnerId: string, customerId: string, by: Side): string[] {
  if (by === "customer") return [partnerId];
  const resellers = db
    .select({ id: resellerRelationships.partnerId })
    .from(resellerRelationships)
    .where(
      and(
        eq(resellerRelationships.customerId, customerId),
        eq(resellerRelationships.providerId, partnerId),
        eq(resellerRelationships.state, "active"),
      ),
    )
    .all();
  return [partnerId, ...resellers.map((r) => r.id)];
}

/**
 * What a removal would do, shown before anyone confirms: which active subscriptions name an
 * ending partner as partner of record (they block a partner's own removal), which resellers,
 * admin relationships and support assignments end with it. Subscriptions never change.
 * `scope: "admin_roles"` ends the admin roles only and keeps the reseller relationship.
 */
export function removalPreview(db: Db, partnerId: string, customerId: string, by: Side = "partner") {
  const ending = partnersEnding(db, partnerId, customerId, by);
  const blockers = db
    .select({ id: subscriptions.id, product: subscriptions.product, seats: subscriptions.seats })
    .from(subscriptions)
    .where(
      and(eq(subscriptions.customerId, customerId), inArray(subscriptions.partnerOfRecordId, ending), eq(subscriptions.state, "active")),
    )
    .all();
  const endingAdminRelationships = db
    .select({ id: adminRelationships.id, name: adminRelationships.name })
    .from(adminRelationships)
    .where(
      and(
        inArray(adminRelationships.partnerId, ending),
        eq(adminRelationships.customerId, customerId),
        inArray(adminRelationships.state, [...IN_FORCE]),
      ),
    )
    .all();
  const endingSupport = db
    .select({ id: supportAssignments.id, product: subscriptions.product })
    .from(supportAssignments)
    .innerJoin(subscriptions, eq(subscriptions.id, supportAssignments.subscriptionId))
    .where(
      and(
        inArray(supportAssignments.partnerId, ending),
        eq(supportAssignments.customerId, customerId),
        eq(supportAssignments.state, "active"),
      ),
    )
    .all();
  const endingResellers =
    ending.length > 1
      ? db
          .select({ id: organizations.id, name: organizations.name })
          .from(organizations)
          .where(inArray(organizations.id, ending.slice(1)))
          .all()
      : [];
  return { blockers, endingAdminRelationships, endingSupport, endingResellers };
}

function activeRelationshipOrThrow(db: Db, partnerId: string, customerId: string) {
  const rel = activeResellerRelationship(db, partnerId, customerId);
  if (!rel) throw new DomainError("NOT_FOUND");
  return rel;
}

/**
 * Ends a partner's admin relationships in the tenant (those in force, and the requests still
 * waiting for an answer: rule 9), their access assignments and its support assignments, in
 * the caller's transaction. `auditOrg` is whose log records the acting side.
 */
export function endAdminAccess(
  ctx: ServiceContext,
  tx: Tx,
  actor: Actor | null,
  p: { partnerId: string; customerId: string; by: Side; auditOrg: string; now: Date },
): number {
  const { partnerId, customerId, by, now } = p;
  const ending = tx
    .select()
    .from(adminRelationships)
    .where(
      and(
        eq(adminRelationships.partnerId, partnerId),
        eq(adminRelationships.customerId, customerId),
        inArray(adminRelationships.state, [...IN_FORCE]),
      ),
    )
    .all();
  for (const row of ending) {
    const requested = apply(tx, row, "requestTermination", by, {});
    const terminated = apply(tx, requested, "completeTermination", "system", { endedAt: now });
    deleteAssignmentsOf(tx, terminated.id, now);
    audit(tx, terminated, actor, "admin_relationship.terminated", now, p.auditOrg);
    notifyAdminRelationship(ctx, tx, "terminated", terminated, now);
  }
  const waiting = tx
    .select()
    .from(adminRelationships)
    .where(
      and(
        eq(adminRelationships.partnerId, partnerId),
        eq(adminRelationships.customerId, customerId),
        inArray(adminRelationships.state, fromStates("withdraw")),
      ),
    )
    .all();
  for (const row of waiting) {
    const withdrawn = apply(tx, row, "withdraw", "system", { endedAt: now });
    audit(tx, withdrawn, actor, "admin_relationship.terminated", now, p.auditOrg);
  }
  endSupportWithoutAdminAccess(ctx, tx, partnerId, customerId, actor, now);
  return ending.length + waiting.length;
}

/**
 * Ends one active reseller relationship and everything that hangs on it, in the caller's
 * transaction, and tells both sides. Subscriptions, their partner of record and every other
 * partner stay exactly as they were (rules 1 and 3).
 */
export function endRelationshipIn(
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
): void {
  const { partnerId, customerId, names, now } = p;
  const rel = activeResellerRelationship(tx, partnerId, customerId);
  const changed = rel
    ? tx
        .update(resellerRelationships)
        .set({ state: "ended", endedAt: now })
        .where(and(eq(resellerRelationships.id, rel.id), eq(resellerRelationships.state, "active")))
        .run().changes
    : 0;
  if (!rel || changed !== 1) throw new DomainError("NOT_FOUND");
  const adminRelationshipsEnded = endAdminAccess(ctx, tx, actor, { partnerId, customerId, by: p.by, auditOrg: p.auditOrg, now });
  recordAudit(tx, {
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
    ...membersWith(tx, [partnerId], "relationships.remove"),
    ...membersWith(tx, [customerId], "customer.partners.remove"),
  ];
  for (const to of recipients) {
    const url =
      to.organizationId === customerId
        ? `${ctx.config.publicBaseUrl}/customer/${customerId}`
        : `${ctx.config.publicBaseUrl}/partner/${partnerId}/customers`;
    const vars = { locale: to.locale, partnerName: names.get(partnerId) ?? "", customerName: names.get(customerId) ?? "", url };
    enqueueEmail(
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

/** Ends the reseller relationships (the partner's, and its resellers' for a provider) in one transaction. */
async function endRelationships(
  ctx: ServiceContext,
  actor: Actor,
  partnerId: string,
  customerId: string,
  by: Side,
  attestation: string | null,
) {
  activeRelationshipOrThrow(ctx.db, partnerId, customerId);
  const now = ctx.now();
  return await transaction(ctx.db, (tx) => {
    const ending = partnersEnding(tx, partnerId, customerId, by);
    const names = new Map(
      tx
        .select({ id: organizations.id, name: organizations.name })
        .from(organizations)
        .where(inArray(organizations.id, [...ending, customerId]))
        .all()
        .map((o) => [o.id, o.name]),
    );
    for (const endingPartner of ending) {
      endRelationshipIn(ctx, tx, actor, {
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
  });
}

/** A partner ends its reseller relationship with a customer: never while it is partner of record of an active subscription, never as an indirect reseller, and only with a written attestation. */
export async function removeCustomer(
  ctx: ServiceContext,
  actor: Actor,
  input: { partnerId: string; customerId: string; attestation: string },
) {
  const member = requirePermission(ctx.db, actor, input.partnerId, "relationships.remove");
  activeRelationshipOrThrow(ctx.db, member.organization.id, input.customerId);
  // An indirect reseller's customers are removed by its provider (DOMAIN.md).
  if (member.organization.partnerType === "indirect_reseller") throw new DomainError("RESELLER_CANNOT_REMOVE");
  const { blockers } = removalPreview(ctx.db, member.organization.id, input.customerId);
  if (blockers.length > 0) throw new DomainError("REMOVAL_BLOCKED", { count: String(blockers.length) });
  return await endRelationships(ctx, actor, member.organization.id, input.customerId, "partner", input.attestation);
}

/**
 * A customer's Global administrator removes a partner outright, or only its admin roles
 * (the reseller relationship stays). Its subscriptions keep their partner of record.
 */
export async function removePartner(
  ctx: ServiceContext,
  actor: Actor,
  input: { customerId: string; partnerId: string; scope: "everything" | "admin_roles" },
) {
  const member = requirePermission(ctx.db, actor, input.customerId, "customer.partners.remove");
  const customerId = member.organization.id;
  if (input.scope === "everything") return await endRelationships(ctx, actor, input.partnerId, customerId, "customer", null);
  activeRelationshipOrThrow(ctx.db, input.partnerId, customerId);
  const partnerName =
    ctx.db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, input.partnerId)).get()?.name ?? "";
  const ended = await transaction(ctx.db, (tx) =>
    endAdminAccess(ctx, tx, actor, { partnerId: input.partnerId, customerId, by: "customer", auditOrg: customerId, now: ctx.now() }),
  );
  return { partnerName, customerName: member.organization.name, resellersEnded: 0, adminRelationshipsEnded: ended };
}
