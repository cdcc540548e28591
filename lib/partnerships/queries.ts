import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "@/db/client";
import { invitations, organizations, partnerships, resellerRelationships } from "@/db/schema";
import { type Member, ensurePermitted } from "@/lib/auth/membership";
import { PAGE_SIZE, toPage } from "@/lib/pagination";

const other = alias(organizations, "other_side");

/**
 * The partnerships of one side, newest first, with the other side's name and partner ID.
 * `side` says which column is the member's own organization.
 */
export async function listPartnerships(db: Db, member: Member, side: "provider" | "reseller") {
  ensurePermitted(member, "partnerships.read");
  const own = side === "provider" ? partnerships.providerId : partnerships.resellerId;
  const theirs = side === "provider" ? partnerships.resellerId : partnerships.providerId;
  return await db
    .select({
      id: partnerships.id,
      state: partnerships.state,
      email: partnerships.email,
      createdAt: partnerships.createdAt,
      expiresAt: partnerships.expiresAt,
      respondedAt: partnerships.respondedAt,
      endedAt: partnerships.endedAt,
      otherId: other.id,
      otherName: other.name,
      otherPublicId: other.partnerPublicId,
    })
    .from(partnerships)
    .innerJoin(other, eq(other.id, theirs))
    .where(eq(own, member.organization.id))
    .orderBy(desc(partnerships.createdAt), desc(partnerships.id))
    .limit(200);
}

/** An indirect reseller's active providers: what the member's customer invitations may name (invitations.write). */
export async function listActiveProviders(db: Db, member: Member) {
  ensurePermitted(member, "invitations.write");
  const resellerId = member.organization.id;
  return await db
    .select({ id: organizations.id, name: organizations.name, partnerPublicId: organizations.partnerPublicId })
    .from(partnerships)
    .innerJoin(organizations, eq(organizations.id, partnerships.providerId))
    .where(and(eq(partnerships.resellerId, resellerId), eq(partnerships.state, "active")))
    .orderBy(organizations.name);
}

const customer = alias(organizations, "customer");
const reseller = alias(organizations, "reseller");

/** The customers the provider's resellers brought through it (the resellers' own relationships naming it), newest first. */
export async function listResellerCustomers(db: Db, member: Member, page: number) {
  ensurePermitted(member, "partnerships.read");
  const rows = await db
    .select({
      resellerId: reseller.id,
      resellerName: reseller.name,
      customerId: customer.id,
      customerName: customer.name,
      state: resellerRelationships.state,
      since: resellerRelationships.createdAt,
    })
    .from(resellerRelationships)
    .innerJoin(customer, eq(customer.id, resellerRelationships.customerId))
    .innerJoin(reseller, eq(reseller.id, resellerRelationships.partnerId))
    .where(eq(resellerRelationships.providerId, member.organization.id))
    .orderBy(desc(resellerRelationships.createdAt), desc(resellerRelationships.id))
    .limit(PAGE_SIZE + 1)
    .offset((page - 1) * PAGE_SIZE);
  return toPage(rows, page);
}

/** Customer invitations the provider's resellers sent naming it, newest first. */
export async function listInvitationsNamingProvider(db: Db, member: Member, page: number) {
  ensurePermitted(member, "partnerships.read");
  const rows = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      state: invitations.state,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
      resellerName: reseller.name,
    })
    .from(invitations)
    .innerJoin(reseller, eq(reseller.id, invitations.partnerId))
    .where(eq(invitations.providerId, member.organization.id))
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(PAGE_SIZE + 1)
    .offset((page - 1) * PAGE_SIZE);
  return toPage(rows, page);
}
