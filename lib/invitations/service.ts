import { changedRows, firstRow } from "@/db/query";
import { and, eq, inArray } from "drizzle-orm";
import { invitations, organizations } from "@/db/schema";
import { memberMay, type Member } from "@/lib/auth/membership";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/db/transaction";
import type { ServiceContext } from "@/lib/context";
import { defineOperation } from "@/lib/operations/define";
import { normalizeEmail } from "@/lib/email/normalize";
import { enqueueEmail } from "@/lib/email/outbox";
import { invitationEmail } from "@/lib/email/templates";
import { DomainError } from "@/lib/errors";
import { checkAdminRequest } from "@/lib/admin-relationships/rules";
import type { AdminRequest } from "@/db/values/admin-relationships";
import { newId } from "@/lib/ids";
import { consume, DAY } from "@/lib/rate-limits/limiter";
import { insertInvitation, memberByEmail } from "./statements";
import { activePartnership } from "@/lib/partnerships/service";
import { requireStanding } from "@/lib/partners/standing";
import type { Organization } from "@/lib/auth/membership";
import { invitationRefSchema, inviteCustomerSchema, type InviteCustomerInput } from "./schemas";
import { invitationStatus } from "./status";
import { expiryFrom, newInvitationToken } from "./tokens";

export function invitationUrl(ctx: ServiceContext, token: string): string {
  return `${ctx.config.publicBaseUrl}/invite/${token}`;
}

type InvitationForEmail = {
  id: string;
  email: string;
  message: string | null;
  locale: string;
  expiresAt: Date;
  sendCount: number;
  adminRequest: AdminRequest | null;
  providerId: string | null;
};

async function queueInvitationEmail(ctx: ServiceContext, tx: Tx, member: Member, inv: InvitationForEmail, token: string, now: Date) {
  await enqueueEmail(
    tx,
    {
      idempotencyKey: `invitation.${inv.id}.${inv.sendCount}`,
      kind: "invitation",
      to: inv.email,
      organizationId: member.organization.id,
      relatedId: inv.id,
      ...invitationEmail({
        locale: inv.locale,
        partnerName: member.organization.name,
        inviterEmail: member.email,
        message: inv.message,
        url: invitationUrl(ctx, token),
        expiresAt: inv.expiresAt,
        adminRequest: inv.adminRequest,
        providerName: inv.providerId
          ? ((await firstRow(tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, inv.providerId))))
              ?.name ?? null)
          : null,
      }),
    },
    now,
  );
}

/**
 * Each invitation email (new or resent) counts against the partner's daily allowance, in
 * the same transaction: a refused or failed invitation takes its count back with it.
 */
async function countInvitationEmail(tx: Tx, ctx: ServiceContext, partnerId: string, now: Date) {
  await consume(tx, { key: `invitations:${partnerId}`, limit: ctx.config.invitationsPerPartnerPerDay ?? 50, windowMs: DAY, now });
}

/**
 * Two-tier: an indirect reseller's invitation names one of its active providers, and only
 * a reseller's does (a direct partner or a provider transacts on its own).
 */
async function checkProvider(ctx: ServiceContext, partner: Organization, providerId: string | null): Promise<string | null> {
  if (partner.partnerType !== "indirect_reseller") {
    if (providerId) throw new DomainError("PROVIDER_UNAVAILABLE", {}, { providerId: ["providerUnavailable"] });
    return null;
  }
  if (!providerId) throw new DomainError("PROVIDER_REQUIRED", {}, { providerId: ["providerRequired"] });
  if (!(await activePartnership(ctx.db, providerId, partner.id)))
    throw new DomainError("PROVIDER_UNAVAILABLE", {}, { providerId: ["providerUnavailable"] });
  // The provider gains the customer too: one out of standing is reached through nobody.
  await requireStanding(ctx.db, providerId);
  return providerId;
}

/**
 * A partner invites a customer's admin (journey step 1). The invitation, its audit row and
 * its email share one transaction; the email leaves after commit. Returns the raw token
 * (never stored) so callers other than email, such as tests, can follow the link.
 */
export const createInvitation = defineOperation({
  name: "invitation.create",
  input: inviteCustomerSchema,
  authorize: { organization: (input: InviteCustomerInput) => input.partnerId, permission: "invitations.write", standing: true },
  async run(ctx, input: InviteCustomerInput, member) {
    const { tx, actor } = ctx;
    const email = normalizeEmail(input.email);
    const ownMember = await firstRow(memberByEmail(ctx.db).execute({ organizationId: member.organization.id, email }));
    // A partner can never resell to itself (rule 4): its own people are not customers.
    if (ownMember) throw new DomainError("SELF_INVITE", {}, { email: ["selfInvite"] });
    const providerId = await checkProvider(ctx, member.organization, input.providerId ?? null);
    if (input.adminRequest) {
      // Inviting is a Sales agent's job too; asking for admin roles is an Admin agent's.
      if (!memberMay(member, "admin_relationships.write")) throw new DomainError("FORBIDDEN");
      await checkAdminRequest(ctx.db, member.organization.id, member.organization.cloud, input.adminRequest);
    }

    const now = ctx.now();
    const { token, hash } = newInvitationToken();
    const invitation = {
      id: newId("inv"),
      partnerId: member.organization.id,
      email,
      message: input.message,
      locale: input.locale,
      tokenHash: hash,
      state: "sent" as const,
      sendCount: 1,
      createdByUserId: actor.userId,
      createdAt: now,
      lastSentAt: now,
      expiresAt: expiryFrom(now, ctx.config.invitationTtlDays),
      adminRequest: input.adminRequest ?? null,
      providerId,
    };

    await countInvitationEmail(tx, ctx, member.organization.id, now);
    await insertInvitation(tx).execute(invitation);
    await recordAudit(tx, {
      organizationId: member.organization.id,
      actor,
      action: "invitation.sent",
      targetType: "invitation",
      targetId: invitation.id,
      details: { email },
      at: now,
    });
    await queueInvitationEmail(ctx, tx, member, invitation, token, now);

    return { invitation, token };
  },
});

async function getOwnInvitationOrThrow(ctx: ServiceContext, member: Member, invitationId: string) {
  const inv = await firstRow(
    ctx.db
      .select()
      .from(invitations)
      .where(and(eq(invitations.id, invitationId), eq(invitations.partnerId, member.organization.id))),
  );
  if (!inv) throw new DomainError("NOT_FOUND");
  return inv;
}

/** Sends a fresh link: a new token replaces the old one (which stops working) and the clock restarts. */
export const resendInvitation = defineOperation({
  name: "invitation.resend",
  input: invitationRefSchema,
  authorize: { organization: (ref) => ref.partnerId, permission: "invitations.write", standing: true },
  async run(ctx, ref, member) {
    const { tx } = ctx;
    const inv = await getOwnInvitationOrThrow(ctx, member, ref.invitationId);
    await requireStanding(ctx.db, inv.providerId);
    const now = ctx.now();
    const status = invitationStatus(inv, now);
    if (status !== "sent" && status !== "opened" && status !== "expired") throw new DomainError("INVITATION_NOT_OPEN");

    const { token, hash } = newInvitationToken();
    const next = {
      ...inv,
      tokenHash: hash,
      state: "sent" as const,
      sendCount: inv.sendCount + 1,
      lastSentAt: now,
      expiresAt: expiryFrom(now, ctx.config.invitationTtlDays),
      openedAt: null,
    };

    // Conditional on the state we read, so a concurrent accept or revoke wins cleanly.
    const changed = changedRows(
      await tx
        .update(invitations)
        .set({
          tokenHash: next.tokenHash,
          state: next.state,
          sendCount: next.sendCount,
          lastSentAt: now,
          expiresAt: next.expiresAt,
          openedAt: null,
          expiryNotedAt: null,
        })
        .where(and(eq(invitations.id, inv.id), inArray(invitations.state, ["sent", "opened"]))),
    );
    if (changed !== 1) throw new DomainError("INVITATION_NOT_OPEN");
    await countInvitationEmail(tx, ctx, member.organization.id, now);
    await recordAudit(tx, {
      organizationId: member.organization.id,
      actor: ctx.actor,
      action: "invitation.resent",
      targetType: "invitation",
      targetId: inv.id,
      details: { email: inv.email },
      at: now,
    });
    await queueInvitationEmail(ctx, tx, member, next, token, now);

    return { token, email: inv.email };
  },
});

export const revokeInvitation = defineOperation({
  name: "invitation.revoke",
  input: invitationRefSchema,
  authorize: { organization: (ref) => ref.partnerId, permission: "invitations.write" },
  async run(ctx, ref, member): Promise<{ email: string }> {
    const { tx, actor } = ctx;
    const inv = await getOwnInvitationOrThrow(ctx, member, ref.invitationId);
    const now = ctx.now();

    const changed = changedRows(
      await tx
        .update(invitations)
        .set({ state: "revoked", respondedAt: now, respondedByUserId: actor.userId })
        .where(and(eq(invitations.id, inv.id), inArray(invitations.state, ["sent", "opened"]))),
    );
    if (changed !== 1) throw new DomainError("INVITATION_NOT_OPEN");
    await recordAudit(tx, {
      organizationId: member.organization.id,
      actor,
      action: "invitation.revoked",
      targetType: "invitation",
      targetId: inv.id,
      details: { email: inv.email },
      at: now,
    });

    return { email: inv.email };
  },
});
