import { z } from "zod";
import { changedRows, firstRow } from "@/db/query";
import { and, eq, inArray, ne } from "drizzle-orm";
import { accessAssignments, adminRelationships, securityGroups } from "@/db/schema";
import { isInForce } from "@/lib/admin-relationships/states";
import { recordAudit } from "@/lib/audit/record";
import { accessAssignmentResource } from "@/lib/api/resources";
import { queueWebhookEvent } from "@/lib/webhooks/queue";
import type { Tx } from "@/db/transaction";
import type { Actor } from "@/lib/auth/membership";
import type { DirectoryRoleId } from "@/db/values/directory-roles";
import type { GroupRoles } from "@/db/values/templates";
import { defineOperation } from "@/lib/operations/define";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import {
  accessAssignmentRefSchema,
  createAccessAssignmentSchema,
  type AccessAssignmentRef,
  type CreateAccessAssignmentInput,
} from "./schemas";

/**
 * Grants one of the partner's groups a subset of an in-force relationship's roles. It is
 * created pending and becomes active once provisioned (activatePendingAssignments).
 */
export const createAccessAssignment = defineOperation({
  name: "access_assignment.create",
  input: createAccessAssignmentSchema,
  authorize: { organization: (input: CreateAccessAssignmentInput) => input.partnerId, permission: "admin_relationships.write" },
  async run(ctx, input: CreateAccessAssignmentInput, member) {
    const { tx, actor } = ctx;
    const partnerId = member.organization.id;
    const relationship = await firstRow(
      ctx.db
        .select()
        .from(adminRelationships)
        .where(and(eq(adminRelationships.id, input.relationshipId), eq(adminRelationships.partnerId, partnerId))),
    );
    if (!relationship) throw new DomainError("NOT_FOUND");
    if (!isInForce(relationship.state)) throw new DomainError("INVALID_TRANSITION", { from: relationship.state, event: "assign" });
    const group = await firstRow(
      ctx.db
        .select()
        .from(securityGroups)
        .where(and(eq(securityGroups.id, input.groupId), eq(securityGroups.partnerId, partnerId))),
    );
    if (!group) throw new DomainError("NOT_FOUND", {}, { groupId: ["chooseGroup"] });
    // A group can receive only roles the customer approved in this relationship.
    if (input.roles.some((r) => !relationship.roles.includes(r))) throw new DomainError("VALIDATION", {}, { roles: ["roleNotApproved"] });

    const now = ctx.now();
    const id = await grant(tx, { relationship, group, roles: input.roles, actor, now });
    if (!id) throw new DomainError("VALIDATION", {}, { groupId: ["groupAlreadyAssigned"] });
    await activatePending(tx, now);
    return { id, group: group.name, relationship: relationship.name };
  },
});

type Relationship = typeof adminRelationships.$inferSelect;

/**
 * Gives a group roles of a relationship, pending until provisioned, with its activity entry;
 * null when the group already holds roles in it (one live assignment per group).
 */
async function grant(
  tx: Tx,
  g: { relationship: Relationship; group: { id: string; name: string }; roles: DirectoryRoleId[]; actor: Actor | null; now: Date },
): Promise<string | null> {
  const live = await firstRow(
    tx
      .select({ id: accessAssignments.id })
      .from(accessAssignments)
      .where(
        and(
          eq(accessAssignments.adminRelationshipId, g.relationship.id),
          eq(accessAssignments.groupId, g.group.id),
          ne(accessAssignments.state, "deleted"),
        ),
      ),
  );
  if (live) return null;
  const id = newId("asg");
  await tx.insert(accessAssignments).values({
    id,
    partnerId: g.relationship.partnerId,
    adminRelationshipId: g.relationship.id,
    groupId: g.group.id,
    roles: g.roles,
    state: "pending",
    createdAt: g.now,
  });
  await recordAudit(tx, {
    organizationId: g.relationship.partnerId,
    customerId: g.relationship.customerId,
    actor: g.actor,
    action: "access_assignment.created",
    targetType: "access_assignment",
    targetId: id,
    details: { name: g.relationship.name, group: g.group.name, roles: g.roles.length },
    at: g.now,
  });
  return id;
}

/**
 * On approval of a relationship requested from a template: the version's group mappings,
 * in the approval's own transaction, so there is no separate mapping step to stall. A group
 * deleted since is skipped; a group receives only roles the relationship holds.
 */
export async function grantTemplateGroups(tx: Tx, relationship: Relationship, groupRoles: GroupRoles, now: Date): Promise<number> {
  if (groupRoles.length === 0) return 0;
  const groups = await tx
    .select({ id: securityGroups.id, name: securityGroups.name })
    .from(securityGroups)
    .where(
      and(
        eq(securityGroups.partnerId, relationship.partnerId),
        inArray(
          securityGroups.id,
          groupRoles.map((g) => g.groupId),
        ),
      ),
    );
  let granted = 0;
  for (const group of groups) {
    const roles = groupRoles.find((g) => g.groupId === group.id)!.roles.filter((r) => relationship.roles.includes(r));
    if (roles.length > 0 && (await grant(tx, { relationship, group, roles, actor: null, now }))) granted++;
  }
  await activatePending(tx, now);
  return granted;
}

/** Provisioning, by the scheduled job: pending assignments of relationships in force become active. */
export const activatePendingAssignments = defineOperation({
  name: "access_assignment.provision",
  input: z.object({}),
  authorize: { system: true },
  run: async (ctx) => await activatePending(ctx.tx, ctx.now()),
});

/**
 * The provisioning step inside the caller's transaction (a new assignment is provisioned as
 * it is written). Activation has no activity-log entry of its own; its webhook event is queued here.
 */
async function activatePending(tx: Tx, now: Date): Promise<number> {
  const pending = (
    await tx
      .select({ id: accessAssignments.id, state: adminRelationships.state })
      .from(accessAssignments)
      .innerJoin(adminRelationships, eq(adminRelationships.id, accessAssignments.adminRelationshipId))
      .where(eq(accessAssignments.state, "pending"))
  )
    .filter((a) => isInForce(a.state))
    .map((a) => a.id);
  if (pending.length === 0) return 0;
  const activated = await tx
    .update(accessAssignments)
    .set({ state: "active" })
    .where(and(inArray(accessAssignments.id, pending), eq(accessAssignments.state, "pending")))
    .returning();
  for (const a of activated) {
    await queueWebhookEvent(tx, {
      organizationId: a.partnerId,
      type: "granular-admin-access-assignment-activated",
      data: accessAssignmentResource(a),
      at: now,
    });
  }
  return activated.length;
}

export const removeAccessAssignment = defineOperation({
  name: "access_assignment.remove",
  input: accessAssignmentRefSchema,
  authorize: { organization: (ref: AccessAssignmentRef) => ref.partnerId, permission: "admin_relationships.write" },
  async run(ctx, ref: AccessAssignmentRef, member) {
    const { tx, actor } = ctx;
    const row = await ownAssignmentOrThrow(tx, member.organization.id, ref.assignmentId);
    const now = ctx.now();

    const changed = changedRows(
      await tx
        .update(accessAssignments)
        .set({ state: "deleted", deletedAt: now })
        .where(and(eq(accessAssignments.id, row.a.id), ne(accessAssignments.state, "deleted"))),
    );
    if (changed !== 1) throw new DomainError("INVALID_TRANSITION", { from: "deleted", event: "remove" });
    await recordAudit(tx, {
      organizationId: member.organization.id,
      customerId: row.relationship.customerId,
      actor,
      action: "access_assignment.deleted",
      targetType: "access_assignment",
      targetId: row.a.id,
      details: { name: row.relationship.name, group: row.group },
      at: now,
    });

    return { group: row.group };
  },
});

/** One of the partner's assignments with its group's name and its relationship, read in the transaction; else "not found". */
export async function ownAssignmentOrThrow(tx: Tx, partnerId: string, assignmentId: string) {
  const row = await firstRow(
    tx
      .select({ a: accessAssignments, group: securityGroups.name, relationship: adminRelationships })
      .from(accessAssignments)
      .innerJoin(securityGroups, eq(securityGroups.id, accessAssignments.groupId))
      .innerJoin(adminRelationships, eq(adminRelationships.id, accessAssignments.adminRelationshipId))
      .where(and(eq(accessAssignments.id, assignmentId), eq(accessAssignments.partnerId, partnerId))),
  );
  if (!row) throw new DomainError("NOT_FOUND");
  return row;
}

/** When a relationship ends, every access granted through it goes, in the same transaction. */
export async function deleteAssignmentsOf(tx: Tx, adminRelationshipId: string, now: Date): Promise<number> {
  return changedRows(
    await tx
      .update(accessAssignments)
      .set({ state: "deleted", deletedAt: now })
      .where(and(eq(accessAssignments.adminRelationshipId, adminRelationshipId), ne(accessAssignments.state, "deleted"))),
  );
}
