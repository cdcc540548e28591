import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "@/db/client";
import { memberships, organizations, resellerRelationships, subscriptions } from "@/db/schema";
import type { Member } from "@/lib/auth/membership";

/** Every partner the customer works with (rule 1: there may be several). */
export function listCustomerPartners(db: Db, member: Member) {
  return db
    .select({
      id: organizations.id,
      name: organizations.name,
      partnerType: organizations.partnerType,
      partnerPublicId: organizations.partnerPublicId,
      since: resellerRelationships.createdAt,
    })
    .from(resellerRelationships)
    .innerJoin(organizations, eq(organizations.id, resellerRelationships.partnerId))
    .where(and(eq(resellerRelationships.customerId, member.organization.id), eq(resellerRelationships.state, "active")))
    .orderBy(asc(resellerRelationships.createdAt))
    .all();
}

const partnerOfRecord = alias(organizations, "partner_of_record");

/** Subscriptions of a customer with their partner of record. Called only after the caller proved access to that customer. */
export function listSubscriptionsOf(db: Db, customerId: string) {
  return db
    .select({
      id: subscriptions.id,
      product: subscriptions.product,
      seats: subscriptions.seats,
      state: subscriptions.state,
      purchaseChannel: subscriptions.purchaseChannel,
      termEndsAt: subscriptions.termEndsAt,
      partnerOfRecord: partnerOfRecord.name,
    })
    .from(subscriptions)
    .leftJoin(partnerOfRecord, eq(partnerOfRecord.id, subscriptions.partnerOfRecordId))
    .where(eq(subscriptions.customerId, customerId))
    .orderBy(asc(subscriptions.product), desc(subscriptions.createdAt))
    .limit(200)
    .all();
}

/** Customer organizations where the user is a Global administrator: where they may accept an invitation. */
export function listAcceptableTenants(db: Db, userId: string) {
  return db
    .select({ id: organizations.id, name: organizations.name, kind: organizations.kind, primaryDomain: organizations.primaryDomain, cloud: organizations.cloud, roles: memberships.roles })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organizations.name))
    .all()
    .filter((o) => (o.kind === "customer" && o.roles.includes("global_admin")) || (o.kind === "partner" && o.roles.includes("account_admin")));
}

/** The customer's latest reseller relationship with one partner (active or ended), or null if there never was one. */
export function getCustomerPartnerRelationship(db: Db, member: Member, partnerId: string) {
  return (
    db
      .select({ id: organizations.id, name: organizations.name, state: resellerRelationships.state })
      .from(resellerRelationships)
      .innerJoin(organizations, eq(organizations.id, resellerRelationships.partnerId))
      .where(and(eq(resellerRelationships.customerId, member.organization.id), eq(resellerRelationships.partnerId, partnerId)))
      .orderBy(desc(resellerRelationships.createdAt))
      .get() ?? null
  );
}
