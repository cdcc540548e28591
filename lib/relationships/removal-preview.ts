import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { adminRelationships, organizations, resellerRelationships, subscriptions, supportAssignments } from "@/db/schema";
import type { Tx } from "@/db/transaction";
import { IN_FORCE } from "@/lib/admin-relationships/states";
import { ensurePermitted, type Member } from "@/lib/auth/membership";

export type Side = "partner" | "customer";

/**
 * Whose relationships with the customer a removal ends. A customer removes exactly the
 * partner it names. A provider removing a customer also ends the relationships of the
 * resellers that brought that customer through it (a reseller cannot remove its own).
 */
export async function partnersEnding(db: Db | Tx, partnerId: string, customerId: string, by: Side): Promise<string[]> {
  if (by === "customer") return [partnerId];
  const resellers = await db
    .select({ id: resellerRelationships.partnerId })
    .from(resellerRelationships)
    .where(
      and(
        eq(resellerRelationships.customerId, customerId),
        eq(resellerRelationships.providerId, partnerId),
        eq(resellerRelationships.state, "active"),
      ),
    );
  return [partnerId, ...resellers.map((r) => r.id)];
}

/**
 * The removal preview a page shows this member: of one of its customers for a partner
 * (relationships.remove), of one of its partners for a customer (customer.partners.remove);
 * FORBIDDEN otherwise. The page has found the relationship first (its NOT_FOUND).
 */
export async function previewRemovalFor(db: Db, member: Member, otherId: string) {
  if (member.organization.kind === "partner") {
    ensurePermitted(member, "relationships.remove");
    return await removalPreview(db, member.organization.id, otherId);
  }
  ensurePermitted(member, "customer.partners.remove");
  return await removalPreview(db, otherId, member.organization.id, "customer");
}

/**
 * What a removal would do, shown before anyone confirms: which active subscriptions name an
 * ending partner as partner of record (they block a partner's own removal), which resellers,
 * admin relationships and support assignments end with it. Subscriptions never change.
 * `scope: "admin_roles"` ends the admin roles only and keeps the reseller relationship.
 */
export async function removalPreview(db: Db, partnerId: string, customerId: string, by: Side = "partner") {
  const ending = await partnersEnding(db, partnerId, customerId, by);
  const blockers = await db
    .select({ id: subscriptions.id, product: subscriptions.product, seats: subscriptions.seats })
    .from(subscriptions)
    .where(
      and(eq(subscriptions.customerId, customerId), inArray(subscriptions.partnerOfRecordId, ending), eq(subscriptions.state, "active")),
    );
  const endingAdminRelationships = await db
    .select({ id: adminRelationships.id, name: adminRelationships.name })
    .from(adminRelationships)
    .where(
      and(
        inArray(adminRelationships.partnerId, ending),
        eq(adminRelationships.customerId, customerId),
        inArray(adminRelationships.state, [...IN_FORCE]),
      ),
    );
  const endingSupport = await db
    .select({ id: supportAssignments.id, product: subscriptions.product })
    .from(supportAssignments)
    .innerJoin(subscriptions, eq(subscriptions.id, supportAssignments.subscriptionId))
    .where(
      and(
        inArray(supportAssignments.partnerId, ending),
        eq(supportAssignments.customerId, customerId),
        eq(supportAssignments.state, "active"),
      ),
    );
  const endingResellers =
    ending.length > 1
      ? await db
          .select({ id: organizations.id, name: organizations.name })
          .from(organizations)
          .where(inArray(organizations.id, ending.slice(1)))
      : [];
  return { blockers, endingAdminRelationships, endingSupport, endingResellers };
}
