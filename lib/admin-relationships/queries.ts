import { firstRow } from "@/db/query";
import "server-only";
import { and, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { prepared } from "@/db/prepared";
import { adminRelationships, organizations } from "@/db/schema";
import { type Member, ensurePermitted } from "@/lib/auth/membership";
import { DomainError } from "@/lib/errors";
import { IN_FORCE } from "./states";

const columns = {
  id: adminRelationships.id,
  name: adminRelationships.name,
  roles: adminRelationships.roles,
  durationDays: adminRelationships.durationDays,
  autoExtend: adminRelationships.autoExtend,
  state: adminRelationships.state,
  requestedAt: adminRelationships.requestedAt,
  activatedAt: adminRelationships.activatedAt,
  endsAt: adminRelationships.endsAt,
  partnerId: adminRelationships.partnerId,
  partnerName: organizations.name,
};

/** The partner's admin relationships with one customer, newest first (every state). */
export async function listPartnerAdminRelationships(db: Db, member: Member, customerId: string) {
  ensurePermitted(member, "customers.read");
  return await partnerRelationshipsWith(db).execute({ partnerId: member.organization.id, customerId });
}

// The partner's page of a customer lists these on every visit: prepared once per connection (db/prepared.ts).
const partnerRelationshipsWith = (db: Db) =>
  prepared(db, "adminRelationships.ofPartnerWithCustomer", (d) =>
    d
      .select(columns)
      .from(adminRelationships)
      .innerJoin(organizations, eq(organizations.id, adminRelationships.partnerId))
      .where(
        and(
          eq(adminRelationships.partnerId, sql.placeholder("partnerId")),
          eq(adminRelationships.customerId, sql.placeholder("customerId")),
        ),
      )
      .orderBy(desc(adminRelationships.createdAt))
      .limit(100)
      .prepare(),
  );

/** A customer's requests waiting for approval and the relationships in force, across all its partners. */
export async function listCustomerAdminRelationships(db: Db, member: Member) {
  ensurePermitted(member, "customer.dashboard.read");
  const rows = await db
    .select(columns)
    .from(adminRelationships)
    .innerJoin(organizations, eq(organizations.id, adminRelationships.partnerId))
    .where(
      and(eq(adminRelationships.customerId, member.organization.id), inArray(adminRelationships.state, ["approvalPending", ...IN_FORCE])),
    )
    .orderBy(organizations.name, desc(adminRelationships.createdAt));
  return { pending: rows.filter((r) => r.state === "approvalPending"), inForce: rows.filter((r) => r.state !== "approvalPending") };
}

/** One relationship of this customer (the target of the approval email's link); any other id is "not found". */
export async function getCustomerAdminRelationshipOrThrow(db: Db, member: Member, id: string) {
  ensurePermitted(member, "customer.dashboard.read");
  const row = await firstRow(
    db
      .select(columns)
      .from(adminRelationships)
      .innerJoin(organizations, eq(organizations.id, adminRelationships.partnerId))
      .where(and(eq(adminRelationships.id, id), eq(adminRelationships.customerId, member.organization.id))),
  );
  if (!row) throw new DomainError("NOT_FOUND");
  return row;
}

export type AdminRelationshipRow = Awaited<ReturnType<typeof listPartnerAdminRelationships>>[number];

/**
 * The partner's admin relationships by keyset (newest first), for the API: optionally with
 * one customer only.
 */
export async function adminRelationshipsAfter(
  db: Db,
  member: Member,
  o: { customerId?: string; after: { at: Date; id: string } | null; limit: number },
) {
  ensurePermitted(member, "customers.read");
  const r = adminRelationships;
  const rows = await db
    .select()
    .from(r)
    .where(
      and(
        eq(r.partnerId, member.organization.id),
        o.customerId ? eq(r.customerId, o.customerId) : undefined,
        o.after ? or(lt(r.createdAt, o.after.at), and(eq(r.createdAt, o.after.at), lt(r.id, o.after.id))) : undefined,
      ),
    )
    .orderBy(desc(r.createdAt), desc(r.id))
    .limit(o.limit + 1);
  return { rows: rows.slice(0, o.limit), more: rows.length > o.limit };
}

/** One of the partner's admin relationships, every column; any other id is "not found". */
export async function getPartnerAdminRelationshipOrThrow(db: Db, member: Member, id: string) {
  ensurePermitted(member, "customers.read");
  const row = await firstRow(
    db
      .select()
      .from(adminRelationships)
      .where(and(eq(adminRelationships.id, id), eq(adminRelationships.partnerId, member.organization.id))),
  );
  if (!row) throw new DomainError("NOT_FOUND");
  return row;
}
