import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accessAssignments, adminRelationships, securityGroupMembers } from "@/db/schema";
import { DIRECTORY_ROLE_IDS, type DirectoryRoleId } from "@/lib/admin-relationships/directory-roles";
import { IN_FORCE } from "@/lib/admin-relationships/states";

/**
 * What a partner user can do in a customer's tenant: the union of the roles assigned to
 * the user's groups, counting only active assignments in relationships still in force.
 */
export function effectiveRoles(db: Db, partnerId: string, userId: string, customerId: string): DirectoryRoleId[] {
  const rows = db
    .select({ roles: accessAssignments.roles })
    .from(securityGroupMembers)
    .innerJoin(accessAssignments, and(eq(accessAssignments.groupId, securityGroupMembers.groupId), eq(accessAssignments.state, "active")))
    .innerJoin(adminRelationships, eq(adminRelationships.id, accessAssignments.adminRelationshipId))
    .where(
      and(
        eq(securityGroupMembers.partnerId, partnerId),
        eq(securityGroupMembers.userId, userId),
        eq(adminRelationships.partnerId, partnerId),
        eq(adminRelationships.customerId, customerId),
        inArray(adminRelationships.state, [...IN_FORCE]),
      ),
    )
    .all();
  const held = new Set(rows.flatMap((r) => r.roles));
  return DIRECTORY_ROLE_IDS.filter((r) => held.has(r));
}
