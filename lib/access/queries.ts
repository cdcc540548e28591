import "server-only";
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accessAssignments, memberships, securityGroupMembers, securityGroups, users } from "@/db/schema";
import type { Member } from "@/lib/auth/membership";

/** The partner's groups with their members, and the people who could be added. */
export function listGroupsWithMembers(db: Db, member: Member) {
  const partnerId = member.organization.id;
  const groups = db
    .select({ id: securityGroups.id, name: securityGroups.name })
    .from(securityGroups)
    .where(eq(securityGroups.partnerId, partnerId))
    .orderBy(asc(securityGroups.name))
    .all();
  const members = db
    .select({ groupId: securityGroupMembers.groupId, userId: users.id, email: users.email, name: users.name })
    .from(securityGroupMembers)
    .innerJoin(users, eq(users.id, securityGroupMembers.userId))
    .where(eq(securityGroupMembers.partnerId, partnerId))
    .orderBy(asc(users.email))
    .all();
  const people = db
    .select({ userId: users.id, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, partnerId))
    .orderBy(asc(users.email))
    .all();
  return { groups: groups.map((g) => ({ ...g, members: members.filter((m) => m.groupId === g.id) })), people };
}

export function listGroups(db: Db, member: Member) {
  return db
    .select({ id: securityGroups.id, name: securityGroups.name })
    .from(securityGroups)
    .where(eq(securityGroups.partnerId, member.organization.id))
    .orderBy(asc(securityGroups.name))
    .all();
}

/** Live assignments of the given relationships of this partner. */
export function listAssignments(db: Db, member: Member, relationshipIds: string[]) {
  if (relationshipIds.length === 0) return [];
  return db
    .select({
      id: accessAssignments.id,
      relationshipId: accessAssignments.adminRelationshipId,
      group: securityGroups.name,
      roles: accessAssignments.roles,
      state: accessAssignments.state,
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
    .orderBy(asc(securityGroups.name))
    .all();
}
