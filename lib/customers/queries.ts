import { firstRow } from "@/db/query";
import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "@/db/client";
import { prepared } from "@/db/prepared";
import {
  adminRelationships,
  memberships,
  organizations,
  products,
  resellerRelationships,
  subscriptions,
  supportAssignments,
} from "@/db/schema";
import { IN_FORCE } from "@/lib/admin-relationships/states";
import type { DirectoryRoleId } from "@/db/values/directory-roles";
import { type Member, ensurePermitted } from "@/lib/auth/membership";
import { hasPermission } from "@/lib/auth/permissions";

const provider = alias(organizations, "provider");
const reseller = alias(organizations, "reseller");

/**
 * Every partner the customer works with (rule 1: there may be several), with the two-tier
 * channel it came through and the admin roles it holds in the tenant now.
 */
export async function listCustomerPartners(db: Db, member: Member) {
  ensurePermitted(member, "customer.dashboard.read");
  const partners = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      partnerType: organizations.partnerType,
      partnerPublicId: organizations.partnerPublicId,
      partnerState: organizations.partnerState,
      since: resellerRelationships.createdAt,
      providerName: provider.name,
      resellerName: reseller.name,
    })
    .from(resellerRelationships)
    .innerJoin(organizations, eq(organizations.id, resellerRelationships.partnerId))
    .leftJoin(provider, eq(provider.id, resellerRelationships.providerId))
    .leftJoin(reseller, eq(reseller.id, resellerRelationships.resellerId))
    .where(and(eq(resellerRelationships.customerId, member.organization.id), eq(resellerRelationships.state, "active")))
    .orderBy(asc(resellerRelationships.createdAt));
  const held = await db
    .select({ partnerId: adminRelationships.partnerId, roles: adminRelationships.roles })
    .from(adminRelationships)
    .where(and(eq(adminRelationships.customerId, member.organization.id), inArray(adminRelationships.state, [...IN_FORCE])));
  return partners.map((p) => ({
    ...p,
    adminRoles: [...new Set(held.filter((h) => h.partnerId === p.id).flatMap((h) => h.roles))] as DirectoryRoleId[],
  }));
}

const partnerOfRecord = alias(organizations, "partner_of_record");
const supportPartner = alias(organizations, "support_partner");

/** Subscriptions of a customer with their partner of record and their support partner ("supported, not sold"). Called only after the caller proved access to that customer. */
export async function listSubscriptionsOf(db: Db, customerId: string) {
  return await subscriptionsOf(db).execute({ customerId });
}

// Both sides' customer pages list these: prepared once per connection (db/prepared.ts).
const subscriptionsOf = (db: Db) =>
  prepared(db, "customers.subscriptionsOf", (d) =>
    d
      .select({
        id: subscriptions.id,
        product: subscriptions.product,
        seats: subscriptions.seats,
        state: subscriptions.state,
        purchaseChannel: subscriptions.purchaseChannel,
        termEndsAt: subscriptions.termEndsAt,
        partnerOfRecordId: subscriptions.partnerOfRecordId,
        partnerOfRecord: partnerOfRecord.name,
        supportAssignmentId: supportAssignments.id,
        supportPartnerId: supportPartner.id,
        supportPartner: supportPartner.name,
        // Whether the catalog lets another partner support it (null for products sold before the catalog).
        supportable: products.supportable,
      })
      .from(subscriptions)
      .leftJoin(products, eq(products.id, subscriptions.productId))
      .leftJoin(partnerOfRecord, eq(partnerOfRecord.id, subscriptions.partnerOfRecordId))
      .leftJoin(supportAssignments, and(eq(supportAssignments.subscriptionId, subscriptions.id), eq(supportAssignments.state, "active")))
      .leftJoin(supportPartner, eq(supportPartner.id, supportAssignments.partnerId))
      .where(eq(subscriptions.customerId, sql.placeholder("customerId")))
      .orderBy(asc(subscriptions.product), desc(subscriptions.createdAt))
      .limit(200)
      .prepare(),
  );

/** Customer organizations where the user is a Global administrator: where they may accept an invitation. */
export async function listAcceptableTenants(db: Db, userId: string) {
  return (
    (
      await db
        .select({
          id: organizations.id,
          name: organizations.name,
          kind: organizations.kind,
          primaryDomain: organizations.primaryDomain,
          cloud: organizations.cloud,
          roles: memberships.roles,
        })
        .from(memberships)
        .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
        .where(eq(memberships.userId, userId))
        .orderBy(asc(organizations.name))
    )
      // A partner tenant is offered too, so the landing page can say why it cannot be one (rule 4).
      .filter(
        (o) =>
          (o.kind === "customer" && hasPermission(o.roles, "customer.relationships.accept")) ||
          (o.kind === "partner" && hasPermission(o.roles, "organization.manage")),
      )
  );
}

/** The customer's latest reseller relationship with one partner (active or ended), or null if there never was one. */
export async function getCustomerPartnerRelationship(db: Db, member: Member, partnerId: string) {
  ensurePermitted(member, "customer.dashboard.read");
  return (
    (await firstRow(
      db
        .select({ id: organizations.id, name: organizations.name, state: resellerRelationships.state })
        .from(resellerRelationships)
        .innerJoin(organizations, eq(organizations.id, resellerRelationships.partnerId))
        .where(and(eq(resellerRelationships.customerId, member.organization.id), eq(resellerRelationships.partnerId, partnerId)))
        .orderBy(desc(resellerRelationships.createdAt)),
    )) ?? null
  );
}
