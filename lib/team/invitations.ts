import { changedRows, firstRow } from "@/db/query";
/*
 * Inviting people into an organization's team (partner, customer or operator), and the
 * invitation's answers: accepted, declined, revoked. Role changes and removal are in ./service.ts.
 */
import { and, eq, inArray } from "drizzle-orm";
import { memberInvitations, memberships, organizations, users } from "@/db/schema";
import { type Actor } from "@/lib/auth/membership";
import { mayGrant, ungrantable } from "@/lib/auth/grants";
import { announceGrant } from "./grant-notice";
import { recordAudit } from "@/lib/audit/record";
import type { ServiceContext } from "@/lib/context";
import { defineOperation } from "@/lib/operations/define";
import { normalizeEmail } from "@/lib/email/normalize";
import { enqueueEmail } from "@/lib/email/outbox";
import { memberInvitationEmail } from "@/lib/email/templates";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { consume, DAY } from "@/lib/rate-limits/limiter";
import { assertAnswerable } from "@/lib/invitations/answerable";
import { requireStanding } from "@/lib/partners/standing";
import { expiryFrom, hashToken, isWellFormedToken, newInvitationToken } from "@/lib/invitations/tokens";
import {
  inviteMemberSchema,
  memberInvitationRefSchema,
  memberTokenSchema,
  type InviteMemberInput,
  type MemberInvitationRef,
} from "./schemas";
import { checkRolesFit, TEAM_PERMISSION } from "./service";

export const inviteMember = defineOperation({
  name: "member_invitation.send",
  input: inviteMemberSchema,
  authorize: { organization: (input: InviteMemberInput) => input.organizationId, permission: TEAM_PERMISSION, standing: true },
  async run(ctx, input: InviteMemberInput, member) {
    const { tx, actor } = ctx;
    const org = member.organization;
    checkRolesFit(org, input.roles);
    // Nobody invites someone into more than they could give them (rule 9).
    if (ungrantable(member.roles, org.kind, input.roles).length) throw new DomainError("CANNOT_GRANT", {}, { roles: ["cannotGrant"] });
    const email = normalizeEmail(input.email);
    const existing = await firstRow(
      ctx.db
        .select({ id: memberships.id })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.organizationId, org.id), eq(users.email, email))),
    );
    if (existing) throw new DomainError("ALREADY_MEMBER", { email }, { email: ["alreadyMember"] });

    const now = ctx.now();
    const { token, hash } = newInvitationToken();
    const id = newId("minv");
    const expiresAt = expiryFrom(now, ctx.config.invitationTtlDays);

    // Each team invitation email counts against the organization's daily allowance, like customer invitations.
    await consume(tx, { key: `team-invitations:${org.id}`, limit: ctx.config.teamInvitationsPerOrgPerDay ?? 50, windowMs: DAY, now });
    await tx.insert(memberInvitations).values({
      id,
      organizationId: org.id,
      email,
      roles: input.roles,
      locale: input.locale,
      tokenHash: hash,
      state: "sent",
      createdByUserId: actor.userId,
      createdAt: now,
      expiresAt,
    });
    await recordAudit(tx, {
      organizationId: org.id,
      actor,
      action: "member.invited",
      targetType: "member_invitation",
      targetId: id,
      details: { email, roles: input.roles.join(",") },
      at: now,
    });
    await enqueueEmail(
      tx,
      {
        idempotencyKey: `member_invitation.${id}`,
        kind: "member_invitation",
        to: email,
        organizationId: org.id,
        relatedId: id,
        ...memberInvitationEmail({
          locale: input.locale,
          organizationName: org.name,
          inviterEmail: actor.email,
          roles: input.roles,
          url: `${ctx.config.publicBaseUrl}/join/${token}`,
          expiresAt,
        }),
      },
      now,
    );

    return { id, token, email };
  },
});

export async function findMemberInvitation(ctx: ServiceContext, token: string) {
  if (!isWellFormedToken(token)) return null;
  return (
    (await firstRow(
      ctx.db
        .select()
        .from(memberInvitations)
        .where(eq(memberInvitations.tokenHash, hashToken(token))),
    )) ?? null
  );
}

async function requireAnswerable(ctx: ServiceContext, actor: Actor, token: string) {
  return assertAnswerable(await findMemberInvitation(ctx, token), actor, ctx.now());
}

/** The invited person joins with the roles offered; the conditional update makes the link single-use. */
export const acceptMemberInvitation = defineOperation({
  name: "member_invitation.accept",
  input: memberTokenSchema,
  authorize: { person: true },
  async run(ctx, { token }) {
    const { tx, actor } = ctx;
    const inv = await requireAnswerable(ctx, actor, token);
    const now = ctx.now();
    // Nobody joins a partner out of standing, whenever it invited them.
    await requireStanding(tx, inv.organizationId);

    // What the inviter could give when they invited, they must still be able to give now: an
    // invitation from someone since removed or demoted gives nothing (rule 9).
    const inviter = await firstRow(
      tx
        .select({ roles: memberships.roles, email: users.email })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.organizationId, inv.organizationId), eq(memberships.userId, inv.createdByUserId))),
    );
    const kind = (await firstRow(
      tx.select({ kind: organizations.kind }).from(organizations).where(eq(organizations.id, inv.organizationId)),
    ))!.kind;
    if (!inviter || inv.roles.some((r) => !mayGrant(inviter.roles, kind, r))) throw new DomainError("INVITATION_REVOKED");
    const changed = changedRows(
      await tx
        .update(memberInvitations)
        .set({ state: "accepted", respondedAt: now, respondedByUserId: actor.userId })
        .where(and(eq(memberInvitations.id, inv.id), inArray(memberInvitations.state, ["sent", "opened"]))),
    );
    if (changed !== 1) throw new DomainError("INVITATION_USED");
    const already = await firstRow(
      tx
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.organizationId, inv.organizationId), eq(memberships.userId, actor.userId))),
    );
    if (already) throw new DomainError("ALREADY_MEMBER", { email: inv.email });
    await tx
      .insert(memberships)
      .values({ id: newId("mem"), organizationId: inv.organizationId, userId: actor.userId, roles: inv.roles, createdAt: now });
    await recordAudit(tx, {
      organizationId: inv.organizationId,
      actor,
      action: "member.joined",
      targetType: "user",
      targetId: actor.userId,
      details: { email: inv.email, roles: inv.roles.join(",") },
      at: now,
    });
    await announceGrant(ctx, tx, {
      organizationId: inv.organizationId,
      actor: { userId: inv.createdByUserId, email: inviter.email },
      email: inv.email,
      granted: inv.roles,
      now,
      key: `joined.${inv.id}`,
    });
    return { organizationId: inv.organizationId, kind };
  },
});

export const declineMemberInvitation = defineOperation({
  name: "member_invitation.decline",
  input: memberTokenSchema,
  authorize: { person: true },
  async run(ctx, { token }) {
    const { tx, actor } = ctx;
    const inv = await requireAnswerable(ctx, actor, token);
    const now = ctx.now();

    const changed = changedRows(
      await tx
        .update(memberInvitations)
        .set({ state: "declined", respondedAt: now, respondedByUserId: actor.userId })
        .where(and(eq(memberInvitations.id, inv.id), inArray(memberInvitations.state, ["sent", "opened"]))),
    );
    if (changed !== 1) throw new DomainError("INVITATION_USED");
    await recordAudit(tx, {
      organizationId: inv.organizationId,
      actor,
      action: "member.declined",
      targetType: "member_invitation",
      targetId: inv.id,
      details: { email: inv.email },
      at: now,
    });
  },
});

export const revokeMemberInvitation = defineOperation({
  name: "member_invitation.revoke",
  input: memberInvitationRefSchema,
  authorize: { organization: (ref: MemberInvitationRef) => ref.organizationId, permission: TEAM_PERMISSION },
  async run(ctx, ref: MemberInvitationRef, member) {
    const { tx, actor } = ctx;
    const now = ctx.now();

    const inv = await firstRow(
      tx
        .select()
        .from(memberInvitations)
        .where(and(eq(memberInvitations.id, ref.invitationId), eq(memberInvitations.organizationId, member.organization.id))),
    );
    if (!inv) throw new DomainError("NOT_FOUND");
    const changed = changedRows(
      await tx
        .update(memberInvitations)
        .set({ state: "revoked", respondedAt: now, respondedByUserId: actor.userId })
        .where(and(eq(memberInvitations.id, inv.id), inArray(memberInvitations.state, ["sent", "opened"]))),
    );
    if (changed !== 1) throw new DomainError("INVITATION_NOT_OPEN");
    await recordAudit(tx, {
      organizationId: member.organization.id,
      actor,
      action: "member.invitation_revoked",
      targetType: "member_invitation",
      targetId: inv.id,
      details: { email: inv.email },
      at: now,
    });
    return { email: inv.email };
  },
});
