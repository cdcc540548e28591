import "server-only";
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accessAssignments, memberships, securityGroupMembers, securityGroups, users } from "@/db/schema";
import { type Member, ensurePermitted } from "@/lib/auth/membership";
import { DomainError } from "@/lib/errors";

/** The partner's groups with their members, and the people who could be added. */
export async function listGroupsWithMembers(db: Db, member: Member) {
  ensurePermitted(member, "customers.read", "groups.write");
  const partnerId = member.organization.id;
  const groups = await db
    .select({ id: securityGroups.id, name: securityGroups.name })
    .from(securityGroups)
    .where(eq(securityGroups.partnerId, partnerId))
    .orderBy(asc(securityGroups.name));
  const members = await db
    .select({ groupId: securityGroupMembers.groupId, userId: users.id, email: users.email, name: users.name })
    .from(securityGroupMembers)
    .innerJoin(users, eq(users.id, securityGroupMembers.userId))
    .where(eq(securityGroupMembers.partnerId, partnerId))
    .orderBy(asc(users.email));
  const people = await db
    .select({ userId: users.id, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, partnerId))
    .orderBy(asc(users.email));
  return { groups: groups.map((g) => ({ ...g, members: members.filter((m) => m.groupId === g.id) })), people };
}

export async function listGroups(db: Db, member: Member) {
  ensurePermitted(member, "customers.read", "groups.write");
  return await db
    .select({ id: securityGroups.id, name: securityGroups.name })
    .from(securityGroups)
    .where(eq(securityGroups.partnerId, member.organization.id))
    .orderBy(asc(securityGroups.name));
}

/** Live assignments of the given relationships of this partner. */
export async function listAssignments(db: Db, member: Member, relationshipIds: string[]) {
  ensurePermitted(member, "customers.read", "groups.write");
  if (relationshipIds.length === 0) return [];
  return await db
    .select({
      id: accessAssignments.id,
      relationshipId: accessAssignments.adminRelationshipId,
      group: securityGroups.name,
      roles: accessAssignments.roles,
      state: accessAssignments.state,
      createdAt: accessAssignments.createdAt,
      updatedAt: accessAssignments.updatedAt,
    })
    .from(accessAssignments)
    .innerJoin(securityGroups, eq(securityGroups.id, accessAssignments.groupId))
    .where(
      and(
        eq(accessAssignments.partnerId, member.organization.id),
        inArray(accessAssignments.adminRelationshipId, relationshipIds),
        ne(accessAssignments.state, "deleted"),
      ),
    )
    .orderBy(asc(securityGroups.name));
}

/** Every assignment (deleted ones too) of one of the partner's admin relationships, oldest first. */
export async function assignmentsOf(db: Db, member: Member, relationshipId: string) {
  ensurePermitted(member, "customers.read", "groups.write");
  return await db
    .select()
    .from(accessAssignments)
    .where(and(eq(accessAssignments.partnerId, member.organization.id), eq(accessAssignments.adminRelationshipId, relationshipId)))
    .orderBy(asc(accessAssignments.createdAt), asc(accessAssignments.id));
}

/** One of the partner's assignments; any other id is "not found". */
export async function getAssignmentOrThrow(db: Db, member: Member, id: string) {
  ensurePermitted(member, "customers.read", "groups.write");
  const [row] = await db
    .select()
    .from(accessAssignments)
    .where(and(eq(accessAssignments.id, id), eq(accessAssignments.partnerId, member.organization.id)));
  if (!row) throw new DomainError("NOT_FOUND");
  return row;
}
