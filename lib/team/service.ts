import { firstRow } from "@/db/query";
import { and, eq } from "drizzle-orm";
import { memberships, securityGroupMembers, sessions, users } from "@/db/schema";
import type { Organization } from "@/lib/auth/membership";
import type { Permission } from "@/lib/auth/permissions";
import { ROLES_OF_KIND, type MemberRole } from "@/db/values/roles";
import { TOP_ROLE, ungrantable } from "@/lib/auth/grants";
import { announceGrant } from "./grant-notice";
import type { OrganizationKind } from "@/db/values/organizations";
import { recordAudit } from "@/lib/audit/record";
import { tellKeyAdminsOfMakerChange } from "@/lib/api-keys/maker-changes";
import { defineOperation } from "@/lib/operations/define";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { memberRefSchema, memberRolesSchema, type MemberRef, type MemberRolesInput } from "./schemas";
import type { Tx } from "@/db/transaction";

/** Who manages the people of each kind of organization. */
export const TEAM_PERMISSION = {
  partner: "users.write",
  customer: "customer.users.write",
  operator: "operator.users.write",
} as const satisfies Record<OrganizationKind, Permission>;

/** Partner roles in partner organizations, customer roles in customer organizations, operator roles for operators; nothing else. */
export function checkRolesFit(org: Organization, roles: MemberRole[]) {
  const allowed: readonly string[] = ROLES_OF_KIND[org.kind];
  if (roles.some((r) => !allowed.includes(r))) throw new DomainError("VALIDATION", {}, { roles: ["invalid"] });
}

/** Counts the holders of the organization's must-have role, inside the caller's transaction. */
async function adminCount(tx: Tx, org: Organization): Promise<number> {
  const role = TOP_ROLE[org.kind];
  return (await tx.select({ roles: memberships.roles }).from(memberships).where(eq(memberships.organizationId, org.id))).filter((m) =>
    m.roles.includes(role),
  ).length;
}

/**
 * The roles a change adds or takes away: a person may do either only with roles they could
 * grant, so nobody raises a colleague above themselves or strips one who stands above them.
 */
function changedRoles(from: readonly MemberRole[], to: readonly MemberRole[]): MemberRole[] {
  return [...to.filter((r) => !from.includes(r)), ...from.filter((r) => !to.includes(r))];
}

export const changeMemberRoles = defineOperation({
  name: "member.roles.change",
  input: memberRolesSchema,
  authorize: { organization: (input: MemberRolesInput) => input.organizationId, permission: TEAM_PERMISSION },
  async run(ctx, input: MemberRolesInput, member) {
    const { tx, actor } = ctx;
    const org = member.organization;
    checkRolesFit(org, input.roles);
    // Nobody changes their own roles (rule 9): another administrator must.
    if (input.userId === actor.userId) throw new DomainError("OWN_ROLES", {}, { roles: ["ownRoles"] });
    const now = ctx.now();

    const target = await firstRow(
      tx
        .select({ m: memberships, email: users.email })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.organizationId, org.id), eq(memberships.userId, input.userId))),
    );
    if (!target) throw new DomainError("NOT_FOUND");
    if (ungrantable(member.roles, org.kind, changedRoles(target.m.roles, input.roles)).length)
      throw new DomainError("CANNOT_GRANT", {}, { roles: ["cannotGrant"] });
    await tx.update(memberships).set({ roles: input.roles }).where(eq(memberships.id, target.m.id));
    // Checked after the change, in the same transaction: the organization keeps an admin.
    if ((await adminCount(tx, org)) === 0) throw new DomainError("LAST_ADMIN");
    await recordAudit(tx, {
      organizationId: org.id,
      actor,
      action: "member.roles_changed",
      targetType: "user",
      targetId: input.userId,
      details: { email: target.email, from: target.m.roles.join(","), to: input.roles.join(",") },
      at: now,
    });
    await announceGrant(ctx, tx, {
      organizationId: org.id,
      actor,
      email: target.email,
      granted: input.roles.filter((r) => !target.m.roles.includes(r)),
      now,
      key: newId("grant"),
    });
    await tellKeyAdminsOfMakerChange(ctx, org.id, input.userId, input.roles);
    return { email: target.email };
  },
});

/**
 * Removes a person from the organization (never the last Account admin or Global
 * administrator). Their group memberships here go, and their sessions are deleted so
 * whatever they had open stops working at once; they can sign in again for other organizations.
 */
export const removeMember = defineOperation({
  name: "member.remove",
  input: memberRefSchema,
  authorize: { organization: (ref: MemberRef) => ref.organizationId, permission: TEAM_PERMISSION },
  async run(ctx, ref: MemberRef, member) {
    const { tx, actor } = ctx;
    const org = member.organization;
    const now = ctx.now();

    const target = await firstRow(
      tx
        .select({ m: memberships, email: users.email })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.organizationId, org.id), eq(memberships.userId, ref.userId))),
    );
    if (!target) throw new DomainError("NOT_FOUND");
    // Leaving is always allowed; removing someone else takes rights over every role they hold.
    if (ref.userId !== actor.userId && ungrantable(member.roles, org.kind, target.m.roles).length) throw new DomainError("CANNOT_GRANT");
    await tx.delete(memberships).where(eq(memberships.id, target.m.id));
    if ((await adminCount(tx, org)) === 0) throw new DomainError("LAST_ADMIN");
    await tx
      .delete(securityGroupMembers)
      .where(and(eq(securityGroupMembers.partnerId, org.id), eq(securityGroupMembers.userId, ref.userId)));
    await tx.delete(sessions).where(eq(sessions.userId, ref.userId));
    await recordAudit(tx, {
      organizationId: org.id,
      actor,
      action: "member.removed",
      targetType: "user",
      targetId: ref.userId,
      details: { email: target.email },
      at: now,
    });
    await tellKeyAdminsOfMakerChange(ctx, org.id, ref.userId, null);
    return { email: target.email };
  },
});
