import { and, eq, ne } from "drizzle-orm";
import { accessAssignments } from "@/db/schema";
import { ownAssignmentOrThrow } from "./assignments";
import { isInForce } from "@/lib/admin-relationships/states";
import { recordAudit } from "@/lib/audit/record";
import { defineOperation } from "@/lib/operations/define";
import { DomainError } from "@/lib/errors";
import { checkVersion, nextVersion } from "@/lib/operations/version";
import { updateAccessAssignmentSchema, type UpdateAccessAssignmentInput } from "./schemas";

/** An assignment's version: the moment of its last change of roles, or of its creation. */
export const assignmentVersion = (a: { createdAt: Date; updatedAt: Date | null }): Date => a.updatedAt ?? a.createdAt;

/**
 * Changes which of the relationship's roles a group holds, in place: the group keeps its
 * access while its roles change (the program's portal can only delete and create again,
 * which leaves a gap). Still only roles the customer approved in this relationship.
 */
export const updateAccessAssignment = defineOperation({
  name: "access_assignment.update",
  input: updateAccessAssignmentSchema,
  authorize: { organization: (input: UpdateAccessAssignmentInput) => input.partnerId, permission: "admin_relationships.write" },
  async run(ctx, input: UpdateAccessAssignmentInput, member) {
    const { tx, actor } = ctx;
    const row = await ownAssignmentOrThrow(tx, member.organization.id, input.assignmentId);
    const { a, relationship } = row;
    if (a.state === "deleted") throw new DomainError("INVALID_TRANSITION", { from: "deleted", event: "update" });
    if (!isInForce(relationship.state)) throw new DomainError("INVALID_TRANSITION", { from: relationship.state, event: "assign" });
    const version = assignmentVersion(a);
    checkVersion(input.version, version);
    if (input.roles.some((r) => !relationship.roles.includes(r))) throw new DomainError("VALIDATION", {}, { roles: ["roleNotApproved"] });

    const now = ctx.now();
    const updatedAt = nextVersion(version, now);
    await tx
      .update(accessAssignments)
      .set({ roles: input.roles, updatedAt })
      .where(and(eq(accessAssignments.id, a.id), ne(accessAssignments.state, "deleted")));
    await recordAudit(tx, {
      organizationId: member.organization.id,
      customerId: relationship.customerId,
      actor,
      action: "access_assignment.changed",
      targetType: "access_assignment",
      targetId: a.id,
      details: { name: relationship.name, group: row.group, roles: input.roles.length },
      at: now,
    });
    return { group: row.group, relationship: relationship.name };
  },
});
