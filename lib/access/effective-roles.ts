import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { prepared } from "@/db/prepared";
import { accessAssignments, adminRelationships, securityGroupMembers } from "@/db/schema";
import { DIRECTORY_ROLE_IDS, type DirectoryRoleId } from "@/db/values/directory-roles";
import { IN_FORCE } from "@/lib/admin-relationships/states";

/**
 * What a partner user can do in a customer's tenant: the union of the roles assigned to
 * the user's groups, counting only active assignments in relationships still in force.
 */
export async function effectiveRoles(db: Db, partnerId: string, userId: string, customerId: string): Promise<DirectoryRoleId[]> {
  const rows = await assignedRoles(db).execute({ partnerId, userId, customerId });
  const held = new Set(rows.flatMap((r) => r.roles));
  return DIRECTORY_ROLE_IDS.filter((r) => held.has(r));
}

// The partner's page of a customer asks on every visit: prepared once per connection (db/prepared.ts).
const assignedRoles = (db: Db) =>
  prepared(db, "access.assignedRoles", (d) =>
    d
      .select({ roles: accessAssignments.roles })
      .from(securityGroupMembers)
      .innerJoin(accessAssignments, and(eq(accessAssignments.groupId, securityGroupMembers.groupId), eq(accessAssignments.state, "active")))
      .innerJoin(adminRelationships, eq(adminRelationships.id, accessAssignments.adminRelationshipId))
      .where(
        and(
          eq(securityGroupMembers.partnerId, sql.placeholder("partnerId")),
          eq(securityGroupMembers.userId, sql.placeholder("userId")),
          eq(adminRelationships.partnerId, sql.placeholder("partnerId")),
          eq(adminRelationships.customerId, sql.placeholder("customerId")),
          inArray(adminRelationships.state, [...IN_FORCE]),
        ),
      )
      .prepare(),
  );
