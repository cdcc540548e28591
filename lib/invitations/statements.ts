import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { placeholders, prepared } from "@/db/prepared";
import { invitations, memberships, organizations, resellerRelationships, users } from "@/db/schema";
import type { Tx } from "@/db/transaction";

/*
 * The statements of the invitation hot path (create and accept), prepared once per
 * connection (db/prepared.ts). Dates in WHERE clauses are passed as milliseconds: only
 * inserted and updated values go through the columns' own conversion.
 */
type Conn = Db | Tx;

export const memberByEmail = (db: Conn) =>
  prepared(db, "invitations.memberByEmail", (d) =>
    d
      .select({ id: users.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organizationId, sql.placeholder("organizationId")), eq(users.email, sql.placeholder("email"))))
      .prepare(),
  );

export const insertInvitation = (db: Conn) =>
  prepared(db, "invitations.insert", (d) =>
    d
      .insert(invitations)
      .values(
        placeholders(
          "id",
          "partnerId",
          "email",
          "message",
          "locale",
          "tokenHash",
          "state",
          "sendCount",
          "createdByUserId",
          "createdAt",
          "lastSentAt",
          "expiresAt",
          "adminRequest",
          "providerId",
        ),
      )
      .prepare(),
  );

export const invitationByTokenHash = (db: Conn) =>
  prepared(db, "invitations.byTokenHash", (d) =>
    d
      .select()
      .from(invitations)
      .where(eq(invitations.tokenHash, sql.placeholder("hash")))
      .prepare(),
  );

export const organizationById = (db: Conn) =>
  prepared(db, "organizations.byId", (d) =>
    d
      .select()
      .from(organizations)
      .where(eq(organizations.id, sql.placeholder("id")))
      .prepare(),
  );

export const organizationByDomain = (db: Conn) =>
  prepared(db, "organizations.byCloudDomain", (d) =>
    d
      .select()
      .from(organizations)
      .where(and(eq(organizations.cloud, sql.placeholder("cloud")), eq(organizations.primaryDomain, sql.placeholder("domain"))))
      .prepare(),
  );

/** Closes an open, unexpired invitation; `changes` is 0 when another answer won. */
export const closeOpenInvitation = (db: Conn) =>
  prepared(db, "invitations.close", (d) =>
    d
      .update(invitations)
      // Update values are not converted by their columns when prepared: times go in as the dialect stores them.
      .set({
        state: sql`${sql.placeholder("state")}`,
        respondedAt: sql`${sql.placeholder("respondedAt")}`,
        respondedByUserId: sql`${sql.placeholder("respondedByUserId")}`,
        customerId: sql`${sql.placeholder("customerId")}`,
      })
      .where(
        and(
          eq(invitations.id, sql.placeholder("id")),
          inArray(invitations.state, ["sent", "opened"]),
          gt(invitations.expiresAt, sql.placeholder("now")),
        ),
      )
      .prepare(),
  );

export const insertOrganization = (db: Conn) =>
  prepared(db, "organizations.insert", (d) =>
    d
      .insert(organizations)
      .values(
        placeholders(
          "id",
          "kind",
          "name",
          "cloud",
          "country",
          "primaryDomain",
          "partnerType",
          "partnerPublicId",
          "isCspTransactionTenant",
          "corporateOfPartnerId",
          "createdAt",
        ),
      )
      .prepare(),
  );

export const insertMembership = (db: Conn) =>
  prepared(db, "memberships.insert", (d) =>
    d
      .insert(memberships)
      .values(placeholders("id", "organizationId", "userId", "roles", "createdAt"))
      .prepare(),
  );

export const insertResellerRelationship = (db: Conn) =>
  prepared(db, "resellerRelationships.insert", (d) =>
    d
      .insert(resellerRelationships)
      .values(
        placeholders(
          "id",
          "partnerId",
          "customerId",
          "state",
          "invitationId",
          "createdAt",
          "providerId",
          "resellerId",
          "customerName",
          "customerDomain",
        ),
      )
      .prepare(),
  );

export const userById = (db: Conn) =>
  prepared(db, "users.byId", (d) =>
    d
      .select({ email: users.email, locale: users.locale })
      .from(users)
      .where(eq(users.id, sql.placeholder("id")))
      .prepare(),
  );
