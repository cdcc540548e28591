import { changedRows, firstRow } from "@/db/query";
/*
 * A partnership's end: the provider withdrawing an unanswered invitation, either side ending
 * an active partnership, and the same ending inside another transaction (offboarding).
 * Inviting and answering are in ./service.ts.
 */
import { and, eq, or } from "drizzle-orm";
import { partnerships } from "@/db/schema";
import type { Actor, Member } from "@/lib/auth/membership";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/db/transaction";
import type { ServiceContext } from "@/lib/context";
import { defineOperation } from "@/lib/operations/define";
import { DomainError } from "@/lib/errors";
import { partnershipRefSchema, type PartnershipRef } from "./schemas";
import { namesOf, notify, type PartnershipRow } from "./service";

/** A partnership the member's organization is a side of; any other id is "not found". */
async function ownPartnershipOrThrow(ctx: ServiceContext, member: Member, id: string): Promise<PartnershipRow> {
  const orgId = member.organization.id;
  const row = await firstRow(
    ctx.db
      .select()
      .from(partnerships)
      .where(and(eq(partnerships.id, id), or(eq(partnerships.providerId, orgId), eq(partnerships.resellerId, orgId)))),
  );
  if (!row) throw new DomainError("NOT_FOUND");
  return row;
}

/** The provider withdraws an invitation nobody has answered yet. */
export const revokePartnershipInvitation = defineOperation({
  name: "partnership.revoke",
  input: partnershipRefSchema,
  authorize: { organization: (ref: PartnershipRef) => ref.organizationId, permission: "partnerships.write" },
  async run(ctx, ref: PartnershipRef, member) {
    const { tx, actor } = ctx;
    const row = await ownPartnershipOrThrow(ctx, member, ref.partnershipId);
    if (row.providerId !== member.organization.id) throw new DomainError("NOT_FOUND");
    const now = ctx.now();

    const changed = changedRows(
      await tx
        .update(partnerships)
        .set({ state: "revoked", respondedAt: now, respondedByUserId: actor.userId })
        .where(and(eq(partnerships.id, row.id), eq(partnerships.state, "invited"))),
    );
    if (changed !== 1) throw new DomainError("INVITATION_NOT_OPEN");
    await recordAudit(tx, {
      organizationId: row.providerId,
      actor,
      action: "partnership.revoked",
      targetType: "partnership",
      targetId: row.id,
      details: { email: row.email },
      at: now,
    });

    return { email: row.email };
  },
});

/**
 * Either side ends an active partnership. Customers, their reseller relationships and
 * admin relationships stay exactly as they are; only new invitations naming the provider stop.
 */
export const endPartnership = defineOperation({
  name: "partnership.end",
  input: partnershipRefSchema,
  authorize: { organization: (ref) => ref.organizationId, permission: "partnerships.write" },
  async run(ctx, ref, member) {
    const row = await ownPartnershipOrThrow(ctx, member, ref.partnershipId);
    const now = ctx.now();
    const by = { byOrganizationId: member.organization.id, byName: member.organization.name, now };
    return await endPartnershipIn(ctx, ctx.tx, ctx.actor, row, by);
  },
});

/** Ends one active partnership in the caller's transaction (a side ending it, or the operator offboarding one of them), audited on both sides. */
export async function endPartnershipIn(
  ctx: ServiceContext,
  tx: Tx,
  actor: Actor | null,
  row: PartnershipRow,
  p: { byOrganizationId: string; byName: string; now: Date },
) {
  const changed = changedRows(
    await tx
      .update(partnerships)
      .set({ state: "ended", endedAt: p.now, endedByOrganizationId: p.byOrganizationId })
      .where(and(eq(partnerships.id, row.id), eq(partnerships.state, "active"))),
  );
  if (changed !== 1) throw new DomainError("PARTNERSHIP_NOT_ACTIVE");
  const { provider, reseller } = await namesOf(tx, row);
  const details = { provider: provider.name, reseller: reseller.name, by: p.byName };
  for (const organizationId of [provider.id, reseller.id])
    await recordAudit(tx, {
      organizationId,
      actor,
      action: "partnership.ended",
      targetType: "partnership",
      targetId: row.id,
      details,
      at: p.now,
    });
  await notify(ctx, tx, row, "partnershipEnded", [provider.id, reseller.id], p.now);
  return { provider, reseller };
}
