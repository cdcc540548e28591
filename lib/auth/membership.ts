import { and, eq, sql } from "drizzle-orm";
import { prepared } from "@/db/prepared";
import type { Db } from "@/db/client";
import { memberships, organizations } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import type { OrganizationKind } from "@/db/values/organizations";
import { CUSTOMER_PERMISSIONS, hasPermission, OPERATOR_PERMISSIONS, type Permission } from "./permissions";
import type { MemberRole } from "@/db/values/roles";

/** Who is acting: the signed-in user, as the session says, and when that session began. */
export type Actor = { userId: string; email: string; signedInAt?: Date | null };

export type Organization = typeof organizations.$inferSelect;
export type Member = { userId: string; email: string; roles: MemberRole[]; organization: Organization };

const memberQuery = (db: Db) =>
  prepared(db, "membership.member", (d) =>
    d
      .select({ roles: memberships.roles, organization: organizations })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
      .where(and(eq(memberships.userId, sql.placeholder("userId")), eq(memberships.organizationId, sql.placeholder("organizationId"))))
      .prepare(),
  );

/** Every service and page asks this first: one prepared query. */
export function getMember(db: Db, actor: Actor, organizationId: string): Member | null {
  const row = memberQuery(db).get({ userId: actor.userId, organizationId });
  return row ? { userId: actor.userId, email: actor.email, roles: row.roles, organization: row.organization } : null;
}

/**
 * The actor's membership of an organization of the given kind. Not a member, or an
 * organization of the other kind, is "not found": another tenant's id looks like no id.
 */
export function requireMember(db: Db, actor: Actor, organizationId: string, kind: OrganizationKind): Member {
  const member = getMember(db, actor, organizationId);
  if (!member || member.organization.kind !== kind) throw new DomainError("NOT_FOUND");
  return member;
}

function kindOf(permission: Permission): OrganizationKind {
  if (permission in OPERATOR_PERMISSIONS) return "operator";
  return permission in CUSTOMER_PERMISSIONS ? "customer" : "partner";
}

/** A member of the organization who holds the permission; FORBIDDEN for a member without it. */
export function requirePermission(db: Db, actor: Actor, organizationId: string, permission: Permission): Member {
  const member = requireMember(db, actor, organizationId, kindOf(permission));
  if (!hasPermission(member.roles, permission)) throw new DomainError("FORBIDDEN");
  return member;
}

/** Every organization the person belongs to: the header's switcher asks on every page. */
export function listMemberships(db: Db, userId: string) {
  return membershipsOf(db).all({ userId });
}

const membershipsOf = (db: Db) =>
  prepared(db, "membership.all", (d) =>
    d
      .select({
        id: organizations.id,
        name: organizations.name,
        kind: organizations.kind,
        cloud: organizations.cloud,
        roles: memberships.roles,
      })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
      .where(eq(memberships.userId, sql.placeholder("userId")))
      .orderBy(organizations.kind, organizations.name)
      .prepare(),
  );
