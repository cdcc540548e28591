import { firstRow } from "@/db/query";
import { and, eq, sql } from "drizzle-orm";
import { prepared } from "@/db/prepared";
import type { Db } from "@/db/client";
import { memberships, organizations } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import type { OrganizationKind } from "@/db/values/organizations";
import { CUSTOMER_PERMISSIONS, hasPermission, OPERATOR_PERMISSIONS, type Permission } from "./permissions";
import type { MemberRole } from "@/db/values/roles";

/** An API key acting: for its organization only, with at most its scopes. */
export type KeyIdentity = { id: string; name: string; organizationId: string; scopes: readonly Permission[] };

/**
 * Who is acting: the signed-in user, as the session says, and when that session began; or
 * an API key, which acts as the person who made it (their membership row, read each time)
 * narrowed to the key's organization and scopes, and never counts as a recent sign-in.
 */
export type Actor = { userId: string; email: string; signedInAt?: Date | null; key?: KeyIdentity };

export type Organization = typeof organizations.$inferSelect;
export type Member = {
  userId: string;
  email: string;
  roles: MemberRole[];
  organization: Organization;
  /** A key's scopes: what it may do is what both they and the roles allow. */
  scopes?: readonly Permission[];
};

/** Whether the member may: one of its roles holds the permission, and a key acting has it in its scopes. */
export function memberMay(member: Pick<Member, "roles" | "scopes">, permission: Permission): boolean {
  return hasPermission(member.roles, permission) && (!member.scopes || member.scopes.includes(permission));
}

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
export async function getMember(db: Db, actor: Actor, organizationId: string): Promise<Member | null> {
  // A key reaches its own organization only: any other is not found, whoever made the key.
  if (actor.key && actor.key.organizationId !== organizationId) return null;
  const row = await firstRow(memberQuery(db).execute({ userId: actor.userId, organizationId }));
  if (!row) return null;
  return { userId: actor.userId, email: actor.email, roles: row.roles, organization: row.organization, scopes: actor.key?.scopes };
}

/**
 * The actor's membership of an organization of the given kind. Not a member, or an
 * organization of the other kind, is "not found": another tenant's id looks like no id.
 */
export async function requireMember(db: Db, actor: Actor, organizationId: string, kind: OrganizationKind): Promise<Member> {
  const member = await getMember(db, actor, organizationId);
  if (!member || member.organization.kind !== kind) throw new DomainError("NOT_FOUND");
  return member;
}

function kindOf(permission: Permission): OrganizationKind {
  if (permission in OPERATOR_PERMISSIONS) return "operator";
  return permission in CUSTOMER_PERMISSIONS ? "customer" : "partner";
}

/** A member of the organization who holds the permission; FORBIDDEN for a member without it. */
export async function requirePermission(db: Db, actor: Actor, organizationId: string, permission: Permission): Promise<Member> {
  const member = await requireMember(db, actor, organizationId, kindOf(permission));
  if (!memberMay(member, permission)) throw new DomainError("FORBIDDEN");
  return member;
}

/**
 * A member of the organization who holds the permission that its kind asks for: for actions
 * that work on every side, each side with its own permission (the team, the name). Not a
 * member, or a kind the action has no permission for, is "not found"; a member without the
 * permission, FORBIDDEN. One query, the membership row with its organization.
 */
export async function requirePermissionOfKind(
  db: Db,
  actor: Actor,
  organizationId: string,
  byKind: Partial<Record<OrganizationKind, Permission>>,
): Promise<Member> {
  const member = await getMember(db, actor, organizationId);
  const permission = member ? byKind[member.organization.kind] : undefined;
  if (!member || !permission) throw new DomainError("NOT_FOUND");
  if (!memberMay(member, permission)) throw new DomainError("FORBIDDEN");
  return member;
}

/**
 * Every read in lib/ that shows an organization's data asks this first, for the member the
 * request resolved from its membership row (memberForPage, requireMember): it holds one of
 * the permissions, or FORBIDDEN. A member of an organization of another kind than the
 * permissions' is NOT_FOUND, as in requirePermission. Pages, exports and the API all go
 * through the same reads, so none can forget the check.
 */
export function ensurePermitted(member: Member, ...anyOf: [Permission, ...Permission[]]): void {
  if (!anyOf.some((p) => kindOf(p) === member.organization.kind)) throw new DomainError("NOT_FOUND");
  if (!anyOf.some((p) => memberMay(member, p))) throw new DomainError("FORBIDDEN");
}

/** Every organization the person belongs to: the header's switcher asks on every page. */
export async function listMemberships(db: Db, userId: string) {
  return await membershipsOf(db).execute({ userId });
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
