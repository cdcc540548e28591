import { changedRows, firstRow } from "@/db/query";
import { and, eq, ne } from "drizzle-orm";
import { accessAssignments, memberships, securityGroupMembers, securityGroups, users } from "@/db/schema";
import { GRANT_NOTICES, isTopAdmin } from "@/lib/auth/grants";
import { membersWith } from "@/lib/auth/recipients";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/db/transaction";
import type { ServiceContext } from "@/lib/context";
import { defineOperation } from "@/lib/operations/define";
import type { Db } from "@/db/client";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { groupMemberSchema, type GroupMemberInput } from "./schemas";
import { enqueueNotices } from "@/lib/email/notices";

export const DEFAULT_GROUPS = ["Admin Agents", "Helpdesk Agents"] as const;

/** Gives a partner its standard groups if it lacks them (new partners, seeds, tests). */
export async function ensureDefaultGroups(tx: Tx | Db, partnerId: string, now: Date): Promise<void> {
  for (const name of DEFAULT_GROUPS) {
    await tx
      .insert(securityGroups)
      .values({ id: newId("grp"), partnerId, name, nameKey: name.toLowerCase(), createdAt: now })
      .onConflictDoNothing();
  }
}

async function getOwnGroupOrThrow(ctx: ServiceContext, partnerId: string, groupId: string) {
  const group = await firstRow(
    ctx.db
      .select()
      .from(securityGroups)
      .where(and(eq(securityGroups.id, groupId), eq(securityGroups.partnerId, partnerId))),
  );
  if (!group) throw new DomainError("NOT_FOUND");
  return group;
}

/** Adds a member of the partner organization to one of its groups. */
export const addGroupMember = defineOperation({
  name: "security_group.member.add",
  input: groupMemberSchema,
  authorize: { organization: (input: GroupMemberInput) => input.partnerId, permission: "groups.write" },
  async run(ctx, input: GroupMemberInput, member) {
    const { tx, actor } = ctx;
    const group = await getOwnGroupOrThrow(ctx, member.organization.id, input.groupId);
    // Only people of this partner can be in its groups: another organization's user is "not found".
    const user = await firstRow(
      ctx.db
        .select({ id: users.id, email: users.email })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.organizationId, member.organization.id), eq(memberships.userId, input.userId))),
    );
    if (!user) throw new DomainError("NOT_FOUND");
    const now = ctx.now();

    // A group that holds roles in customers' tenants gives them to whoever joins it: only an
    // Account admin adds people to one (rule 9), and the Account admins hear of it. Read in
    // the transaction, so an assignment made meanwhile counts.
    const carriesCustomerRoles = !!(await firstRow(
      tx
        .select({ id: accessAssignments.id })
        .from(accessAssignments)
        .where(and(eq(accessAssignments.groupId, group.id), ne(accessAssignments.state, "deleted")))
        .limit(1),
    ));
    if (carriesCustomerRoles && !isTopAdmin(member.roles, "partner")) throw new DomainError("GROUP_NEEDS_TOP_ADMIN", { group: group.name });
    const added = changedRows(
      await tx
        .insert(securityGroupMembers)
        .values({ partnerId: member.organization.id, groupId: group.id, userId: user.id, createdAt: now })
        .onConflictDoNothing(),
    );
    if (added === 1) {
      await recordAudit(tx, {
        organizationId: member.organization.id,
        actor,
        action: "security_group.member_added",
        targetType: "security_group",
        targetId: group.id,
        details: { group: group.name, email: user.email },
        at: now,
      });
      if (carriesCustomerRoles)
        await tellAccountAdmins(ctx, tx, member.organization.id, { actor: actor.email, email: user.email, group: group.name }, now);
    }

    return { group: group.name, email: user.email };
  },
});

async function tellAccountAdmins(
  ctx: ServiceContext,
  tx: Tx,
  partnerId: string,
  vars: { actor: string; email: string; group: string },
  now: Date,
) {
  await enqueueNotices(tx, await membersWith(tx, [partnerId], GRANT_NOTICES.partner), {
    kind: "groupAccessGranted",
    outboxKind: "security_group.access_granted",
    key: `group.${partnerId}.${vars.group}.${vars.email}.${now.getTime()}`,
    vars,
    url: `${ctx.config.publicBaseUrl}/partner/${partnerId}/groups`,
    relatedId: partnerId,
    now,
  });
}

export const removeGroupMember = defineOperation({
  name: "security_group.member.remove",
  input: groupMemberSchema,
  authorize: { organization: (input: GroupMemberInput) => input.partnerId, permission: "groups.write" },
  async run(ctx, input: GroupMemberInput, member) {
    const { tx, actor } = ctx;
    const group = await getOwnGroupOrThrow(ctx, member.organization.id, input.groupId);
    const user = await firstRow(ctx.db.select({ email: users.email }).from(users).where(eq(users.id, input.userId)));
    const now = ctx.now();

    const removed = changedRows(
      await tx
        .delete(securityGroupMembers)
        .where(and(eq(securityGroupMembers.groupId, group.id), eq(securityGroupMembers.userId, input.userId))),
    );
    if (removed !== 1) throw new DomainError("NOT_FOUND");
    await recordAudit(tx, {
      organizationId: member.organization.id,
      actor,
      action: "security_group.member_removed",
      targetType: "security_group",
      targetId: group.id,
      details: { group: group.name, email: user?.email ?? "" },
      at: now,
    });

    return { group: group.name, email: user?.email ?? "" };
  },
});
