import { changedRows, firstRow } from "@/db/query";
import { and, eq, gt, lte, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organizations, partnerships } from "@/db/schema";
import { requirePermission, type Actor, type Organization } from "@/lib/auth/membership";
import { membersWith } from "@/lib/auth/recipients";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/db/transaction";
import type { ServiceContext } from "@/lib/context";
import { defineOperation, type OperationContext } from "@/lib/operations/define";
import { normalizeEmail } from "@/lib/email/normalize";
import { enqueueEmail } from "@/lib/email/outbox";
import { noticeEmail, type NoticeKind } from "@/lib/email/templates";
import { DomainError } from "@/lib/errors";
import { assertInGoodStanding, requireStanding } from "@/lib/partners/standing";
import { consume, DAY } from "@/lib/rate-limits/limiter";
import { newId } from "@/lib/ids";
import { assertAnswerable } from "@/lib/invitations/answerable";
import { expiryFrom, hashToken, isWellFormedToken, newInvitationToken } from "@/lib/invitations/tokens";
import { invitePartnershipSchema, partnershipTokenSchema, type InvitePartnershipInput } from "./schemas";
import { enqueueNotices } from "@/lib/email/notices";

export type PartnershipRow = typeof partnerships.$inferSelect;

export function partnershipUrl(ctx: ServiceContext, token: string): string {
  return `${ctx.config.publicBaseUrl}/partnership/${token}`;
}

/**
 * The reseller named by partner ID, looked up only in the provider's own cloud: partner IDs
 * of another cloud are invisible, so a cross-cloud invitation is refused as "not in this cloud".
 */
async function resellerInCloud(ctx: ServiceContext, provider: Organization, publicId: string): Promise<Organization> {
  const org = await firstRow(
    ctx.db
      .select()
      .from(organizations)
      .where(and(eq(organizations.cloud, provider.cloud), eq(organizations.partnerPublicId, publicId), eq(organizations.kind, "partner"))),
  );
  if (!org) throw new DomainError("PARTNER_ID_UNKNOWN", { id: publicId }, { resellerPartnerId: ["partnerIdUnknown"] });
  if (org.partnerType !== "indirect_reseller")
    throw new DomainError("NOT_A_RESELLER", { name: org.name }, { resellerPartnerId: ["notAReseller"] });
  return org;
}

/**
 * An indirect provider invites an indirect reseller of its cloud to a partnership. The
 * row, its audit event and the email share one transaction; the raw token is returned for
 * callers other than email (tests) and never stored.
 */
export const invitePartnership = defineOperation({
  name: "partnership.invite",
  input: invitePartnershipSchema,
  authorize: { organization: (input: InvitePartnershipInput) => input.providerId, permission: "partnerships.write", standing: true },
  async run(ctx, input: InvitePartnershipInput, member) {
    const { tx, actor } = ctx;
    const provider = member.organization;
    if (provider.partnerType !== "indirect_provider") throw new DomainError("NOT_A_PROVIDER");
    const reseller = await resellerInCloud(ctx, provider, input.resellerPartnerId);
    // The reseller would gain a provider: one out of standing is invited by nobody.
    assertInGoodStanding(reseller);
    const email = normalizeEmail(input.email);
    const now = ctx.now();
    const { token, hash } = newInvitationToken();
    const row: PartnershipRow = {
      id: newId("ptn"),
      providerId: provider.id,
      resellerId: reseller.id,
      email,
      locale: input.locale,
      tokenHash: hash,
      state: "invited",
      createdByUserId: actor.userId,
      createdAt: now,
      expiresAt: expiryFrom(now, ctx.config.invitationTtlDays),
      respondedAt: null,
      respondedByUserId: null,
      endedAt: null,
      endedByOrganizationId: null,
    };

    // Each partnership invitation counts against the provider's daily allowance, like customer invitations.
    await consume(tx, {
      key: `partnership-invitations:${provider.id}`,
      limit: ctx.config.partnershipInvitationsPerOrgPerDay ?? 20,
      windowMs: DAY,
      now,
    });
    // An expired invitation no longer holds the pair: retire it so a new one can be sent.
    await tx
      .update(partnerships)
      .set({ state: "revoked", respondedAt: now })
      .where(
        and(
          eq(partnerships.providerId, provider.id),
          eq(partnerships.resellerId, reseller.id),
          eq(partnerships.state, "invited"),
          lte(partnerships.expiresAt, now),
        ),
      );
    const open = await firstRow(
      tx
        .select({ state: partnerships.state })
        .from(partnerships)
        .where(
          and(
            eq(partnerships.providerId, provider.id),
            eq(partnerships.resellerId, reseller.id),
            or(eq(partnerships.state, "invited"), eq(partnerships.state, "active")),
          ),
        ),
    );
    if (open)
      throw new DomainError(
        open.state === "active" ? "PARTNERSHIP_EXISTS" : "PARTNERSHIP_PENDING",
        { name: reseller.name },
        { resellerPartnerId: [open.state === "active" ? "partnershipExists" : "partnershipPending"] },
      );
    await tx.insert(partnerships).values(row);
    await recordAudit(tx, {
      organizationId: provider.id,
      actor,
      action: "partnership.invited",
      targetType: "partnership",
      targetId: row.id,
      details: { reseller: reseller.name, email },
      at: now,
    });
    await enqueueEmail(
      tx,
      {
        idempotencyKey: `partnership.${row.id}.invited`,
        kind: "partnership.invited",
        to: email,
        organizationId: provider.id,
        relatedId: row.id,
        ...noticeEmail({
          locale: row.locale,
          kind: "partnershipInvitation",
          vars: { provider: provider.name, reseller: reseller.name },
          url: partnershipUrl(ctx, token),
          expiresAt: row.expiresAt,
        }),
      },
      now,
    );

    return { partnership: row, token, reseller };
  },
});

export async function findPartnershipByToken(ctx: ServiceContext, token: string): Promise<PartnershipRow | null> {
  if (!isWellFormedToken(token)) return null;
  return (
    (await firstRow(
      ctx.db
        .select()
        .from(partnerships)
        .where(eq(partnerships.tokenHash, hashToken(token))),
    )) ?? null
  );
}

/** The same link rules as every emailed invitation (single use, expiry, revocation, bound to the address). */
async function requireAnswerable(ctx: ServiceContext, actor: Actor, token: string): Promise<PartnershipRow> {
  const row = await findPartnershipByToken(ctx, token);
  const asInvitation = row && {
    state:
      row.state === "invited" ? ("sent" as const) : row.state === "declined" || row.state === "revoked" ? row.state : ("accepted" as const),
    expiresAt: row.expiresAt,
    email: row.email,
  };
  assertAnswerable(asInvitation, actor, ctx.now());
  return row!;
}

export async function namesOf(db: Db | Tx, row: Pick<PartnershipRow, "providerId" | "resellerId">) {
  const orgs = await db
    .select()
    .from(organizations)
    .where(or(eq(organizations.id, row.providerId), eq(organizations.id, row.resellerId)));
  const provider = orgs.find((o) => o.id === row.providerId);
  const reseller = orgs.find((o) => o.id === row.resellerId);
  if (!provider || !reseller) throw new DomainError("NOT_FOUND");
  return { provider, reseller };
}

export async function notify(ctx: ServiceContext, tx: Tx, row: PartnershipRow, kind: NoticeKind, organizationIds: string[], now: Date) {
  const { provider, reseller } = await namesOf(tx, row);
  await enqueueNotices(tx, await membersWith(tx, organizationIds, "partnerships.write"), {
    kind,
    outboxKind: `partnership.${kind}`,
    key: `partnership.${row.id}.${kind}`,
    vars: { provider: provider.name, reseller: reseller.name },
    url: (to) =>
      `${ctx.config.publicBaseUrl}/partner/${to.organizationId}/${to.organizationId === provider.id ? "resellers" : "providers"}`,
    relatedId: row.id,
    now,
  });
}

/**
 * The reseller's Account admin answers from the emailed link. The conditional update is
 * what makes the link single-use when two answers race.
 */
async function answer(ctx: OperationContext, token: string, state: "active" | "declined") {
  const { tx, actor } = ctx;
  {
    const row = await requireAnswerable(ctx, actor, token);
    await requirePermission(ctx.db, actor, row.resellerId, "partnerships.write");
    // Authorizing gives each side the other: both must be in good standing now, whenever it was sent.
    if (state === "active") await requireStanding(tx, row.providerId, row.resellerId);
    const now = ctx.now();

    const changed = changedRows(
      await tx
        .update(partnerships)
        .set({ state, respondedAt: now, respondedByUserId: actor.userId })
        .where(and(eq(partnerships.id, row.id), eq(partnerships.state, "invited"), gt(partnerships.expiresAt, now))),
    );
    if (changed !== 1) throw new DomainError("INVITATION_USED");
    const { provider, reseller } = await namesOf(tx, row);
    const action = state === "active" ? "partnership.authorized" : "partnership.declined";
    const details = { provider: provider.name, reseller: reseller.name };
    for (const organizationId of [provider.id, reseller.id])
      await recordAudit(tx, { organizationId, actor, action, targetType: "partnership", targetId: row.id, details, at: now });
    await notify(ctx, tx, row, state === "active" ? "partnershipAuthorized" : "partnershipDeclined", [provider.id], now);
    return { provider, reseller, partnershipId: row.id };
  }
}

export const authorizePartnership = defineOperation({
  name: "partnership.authorize",
  input: partnershipTokenSchema,
  authorize: { person: true },
  run: async (ctx, { token }) => await answer(ctx, token, "active"),
});

export const declinePartnership = defineOperation({
  name: "partnership.decline",
  input: partnershipTokenSchema,
  authorize: { person: true },
  run: async (ctx, { token }) => await answer(ctx, token, "declined"),
});

/** The reseller's active partnership with this provider, or null: what an invitation naming the provider needs. */
export async function activePartnership(db: Db | Tx, providerId: string, resellerId: string) {
  return (
    (await firstRow(
      db
        .select({ id: partnerships.id })
        .from(partnerships)
        .where(and(eq(partnerships.providerId, providerId), eq(partnerships.resellerId, resellerId), eq(partnerships.state, "active"))),
    )) ?? null
  );
}
