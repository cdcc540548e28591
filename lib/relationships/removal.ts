import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { adminRelationships, memberships, organizations, resellerRelationships, subscriptions, users } from "@/db/schema";
import { enqueueEmail } from "@/lib/email/outbox";
import { relationshipEndedEmail } from "@/lib/email/templates";
import { deleteAssignmentsOf } from "@/lib/access/assignments";
import { notifyAdminRelationship } from "@/lib/admin-relationships/notify";
import { IN_FORCE } from "@/lib/admin-relationships/states";
import { apply, audit } from "@/lib/admin-relationships/transitions";
import { requirePermission, type Actor } from "@/lib/auth/membership";
import { recordAudit } from "@/lib/audit/record";
import type { ServiceContext } from "@/lib/context";
import { DomainError } from "@/lib/errors";

/**
 * What removing a partner from a customer would do, shown before anyone confirms: which
 * active subscriptions name the partner as partner of record (they block a partner's own
 * removal), and which admin relationships would end with it. Subscriptions never change.
 */
export function removalPreview(db: Db, partnerId: string, customerId: string) {
  const blockers = db
    .select({ id: subscriptions.id, product: subscriptions.product, seats: subscriptions.seats })
    .from(subscriptions)
    .where(and(eq(subscriptions.customerId, customerId), eq(subscriptions.partnerOfRecordId, partnerId), eq(subscriptions.state, "active")))
    .all();
  const endingAdminRelationships = db
    .select({ id: adminRelationships.id, name: adminRelationships.name })
    .from(adminRelationships)
    .where(and(eq(adminRelationships.partnerId, partnerId), eq(adminRelationships.customerId, customerId), inArray(adminRelationships.state, [...IN_FORCE])))
    .all();
  return { blockers, endingAdminRelationships };
}

function activeRelationshipOrThrow(db: Db, partnerId: string, customerId: string) {
  const rel = db
    .select()
    .from(resellerRelationships)
    .where(and(eq(resellerRelationships.partnerId, partnerId), eq(resellerRelationships.customerId, customerId), eq(resellerRelationships.state, "active")))
    .get();
  if (!rel) throw new DomainError("NOT_FOUND");
  return rel;
}

/**
 * Ends the reseller relationship and everything that hangs on it (admin relationships and
 * their access assignments) in one transaction, and tells both sides. Subscriptions, their
 * partner of record and every other partner stay exactly as they were (rules 1 and 3).
 */
function endRelationship(ctx: ServiceContext, actor: Actor, partnerId: string, customerId: string, by: "partner" | "customer", attestation: string | null) {
  const rel = activeRelationshipOrThrow(ctx.db, partnerId, customerId);
  const now = ctx.now();
  const names = ctx.db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, [partnerId, customerId])).all();
  const partnerName = names.find((n) => n.id === partnerId)?.name ?? "";
  const customerName = names.find((n) => n.id === customerId)?.name ?? "";
  const ending = ctx.db.select().from(adminRelationships).where(and(eq(adminRelationships.partnerId, partnerId), eq(adminRelationships.customerId, customerId), inArray(adminRelationships.state, [...IN_FORCE]))).all();
  ctx.db.transaction(
    (tx) => {
      const changed = tx.update(resellerRelationships).set({ state: "ended", endedAt: now }).where(and(eq(resellerRelationships.id, rel.id), eq(resellerRelationships.state, "active"))).run().changes;
      if (changed !== 1) throw new DomainError("NOT_FOUND");
      for (const row of ending) {
        const requested = apply(tx, row, "requestTermination", by, {});
        const terminated = apply(tx, requested, "completeTermination", "system", { endedAt: now });
        deleteAssignmentsOf(tx, terminated.id, now);
        audit(tx, terminated, actor, "admin_relationship.terminated", now, by === "partner" ? partnerId : customerId);
        notifyAdminRelationship(ctx, tx, "terminated", terminated, now);
      }
      recordAudit(tx, {
        organizationId: by === "partner" ? partnerId : customerId,
        customerId,
        actor,
        action: "reseller_relationship.removed",
        targetType: "reseller_relationship",
        targetId: rel.id,
        details: { by, adminRelationships: ending.length, attestation },
        at: now,
      });
      // Both sides hear of it: the partner's Account admins and Admin agents, the customer's Global administrators.
      const recipients = tx
        .select({ organizationId: memberships.organizationId, roles: memberships.roles, email: users.email, locale: users.locale })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(inArray(memberships.organizationId, [partnerId, customerId]))
        .all()
        .filter((m) => m.roles.some((r) => (m.organizationId === partnerId ? r === "account_admin" || r === "admin_agent" : r === "global_admin")));
      for (const to of recipients) {
        const url = to.organizationId === partnerId ? `${ctx.config.publicBaseUrl}/partner/${partnerId}/customers` : `${ctx.config.publicBaseUrl}/customer/${customerId}`;
        enqueueEmail(tx, { idempotencyKey: `reseller_relationship.${rel.id}.removed.${to.email}`, kind: "reseller_relationship.removed", to: to.email, organizationId: to.organizationId, relatedId: rel.id, ...relationshipEndedEmail({ locale: to.locale ?? "en", partnerName, customerName, url }) }, now);
      }
    },
    { behavior: "immediate" },
  );
  return { partnerName, customerName };
}

/** A partner ends its reseller relationship with a customer: never while it is partner of record of an active subscription, never as an indirect reseller, and only with a written attestation. */
export function removeCustomer(ctx: ServiceContext, actor: Actor, input: { partnerId: string; customerId: string; attestation: string }) {
  const member = requirePermission(ctx.db, actor, input.partnerId, "relationships.remove");
  activeRelationshipOrThrow(ctx.db, member.organization.id, input.customerId);
  // An indirect reseller's customers are removed by its provider (DOMAIN.md).
  if (member.organization.partnerType === "indirect_reseller") throw new DomainError("RESELLER_CANNOT_REMOVE");
  const { blockers } = removalPreview(ctx.db, member.organization.id, input.customerId);
  if (blockers.length > 0) throw new DomainError("REMOVAL_BLOCKED", { count: String(blockers.length) });
  return endRelationship(ctx, actor, member.organization.id, input.customerId, "partner", input.attestation);
}

/** A customer's Global administrator removes a partner outright. Its subscriptions keep their partner of record. */
export function removePartner(ctx: ServiceContext, actor: Actor, input: { customerId: string; partnerId: string }) {
  const member = requirePermission(ctx.db, actor, input.customerId, "customer.partners.remove");
  return endRelationship(ctx, actor, input.partnerId, member.organization.id, "customer", null);
}
