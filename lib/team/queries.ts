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

/** What a team page shows: everyone with their roles and, to those who may manage the team, its open invitations. */
export function teamOf(ctx: ServiceContext, member: Member) {
  const canWrite = hasPermission(member.roles, TEAM_PERMISSION[member.organization.kind]);
  return {
    canWrite,
    members: listMembers(ctx.db, member),
    pending: canWrite ? listPendingMemberInvitations(ctx.db, member, ctx.now()) : [],
  };
}

export function listMembers(db: Db, member: Member) {
  return db
    .select({ userId: users.id, email: users.email, name: users.name, roles: memberships.roles, since: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, member.organization.id))
    .orderBy(asc(users.email))
    .all();
}

export function listPendingMemberInvitations(db: Db, member: Member, now: Date) {
  return db
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
    .limit(100)
    .all();
}

/** What the public join page may show: which organization, which roles, for whom. */
export function getJoinLanding(ctx: ServiceContext, token: string) {
  const inv = findMemberInvitation(ctx, token);
  if (!inv) return null;
  const org = ctx.db
    .select({ name: organizations.name, kind: organizations.kind })
    .from(organizations)
    .where(eq(organizations.id, inv.organizationId))
    .get();
  const inviter = ctx.db.select({ email: users.email }).from(users).where(eq(users.id, inv.createdByUserId)).get();
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
