import { firstRow } from "@/db/query";
import "server-only";
import { and, asc, desc, eq, gt, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberInvitations, memberships, organizations, users } from "@/db/schema";
import type { Member } from "@/lib/auth/membership";
import type { ServiceContext } from "@/lib/context";
import { hasPermission } from "@/lib/auth/permissions";
import { invitationStatus } from "@/lib/invitations/status";
import { findMemberInvitation } from "./invitations";
import { TEAM_PERMISSION } from "./service";
import { mayRename } from "@/lib/organizations/profile";
import { isInGoodStanding } from "@/lib/partners/standing";

/** What a team page shows: everyone with their roles and, to those who may manage the team, its open invitations; whether the member may rename the organization. */
export async function teamOf(ctx: ServiceContext, member: Member) {
  const canWrite = hasPermission(member.roles, TEAM_PERMISSION[member.organization.kind]);
  return {
    canWrite,
    // A partner out of standing keeps its team but invites nobody new (lib/partners/standing.ts).
    canInvite: canWrite && isInGoodStanding(member.organization),
    canRename: mayRename(member),
    members: await listMembers(ctx.db, member),
    pending: canWrite ? await listPendingMemberInvitations(ctx.db, member, ctx.now()) : [],
  };
}

export async function listMembers(db: Db, member: Member) {
  return await db
    .select({ userId: users.id, email: users.email, name: users.name, roles: memberships.roles, since: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, member.organization.id))
    .orderBy(asc(users.email));
}

export async function listPendingMemberInvitations(db: Db, member: Member, now: Date) {
  return await db
    .select({
      id: memberInvitations.id,
      email: memberInvitations.email,
      roles: memberInvitations.roles,
      expiresAt: memberInvitations.expiresAt,
    })
    .from(memberInvitations)
    .where(
      and(
        eq(memberInvitations.organizationId, member.organization.id),
        inArray(memberInvitations.state, ["sent", "opened"]),
        gt(memberInvitations.expiresAt, now),
      ),
    )
    .orderBy(desc(memberInvitations.createdAt))
    .limit(100);
}

/** What the public join page may show: which organization, which roles, for whom. */
export async function getJoinLanding(ctx: ServiceContext, token: string) {
  const inv = await findMemberInvitation(ctx, token);
  if (!inv) return null;
  const org = await firstRow(
    ctx.db
      .select({ name: organizations.name, kind: organizations.kind })
      .from(organizations)
      .where(eq(organizations.id, inv.organizationId)),
  );
  const inviter = await firstRow(ctx.db.select({ email: users.email }).from(users).where(eq(users.id, inv.createdByUserId)));
  if (!org) return null;
  return {
    email: inv.email,
    roles: inv.roles,
    status: invitationStatus(inv, ctx.now()),
    expiresAt: inv.expiresAt,
    organization: org,
    inviterEmail: inviter?.email ?? "",
  };
}
