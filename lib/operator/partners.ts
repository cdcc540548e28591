import { changedRows, firstRow } from "@/db/query";
import { and, eq, inArray, or } from "drizzle-orm";
import { invitations, memberInvitations, organizations, partnerships, resellerRelationships } from "@/db/schema";
import type { Actor, Member, Organization } from "@/lib/auth/membership";
import { membersWith } from "@/lib/auth/recipients";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/db/transaction";
import type { ServiceContext } from "@/lib/context";
import { defineOperation } from "@/lib/operations/define";
import type { NoticeKind } from "@/lib/email/templates";
import { DomainError } from "@/lib/errors";
import type { PartnerState } from "@/db/values/organizations";
import { endPartnershipIn } from "@/lib/partnerships/ending";
import { endRelationshipIn } from "@/lib/relationships/removal";
import { offboardPartnerSchema, partnerStandingSchema, type OffboardPartnerInput, type PartnerStandingInput } from "./schemas";
import { enqueueNotices } from "@/lib/email/notices";

async function partnerOrThrow(ctx: ServiceContext, partnerId: string): Promise<Organization> {
  const partner = await firstRow(
    ctx.db
      .select()
      .from(organizations)
      .where(and(eq(organizations.id, partnerId), eq(organizations.kind, "partner"))),
  );
  if (!partner) throw new DomainError("NOT_FOUND");
  return partner;
}

/** One conditional update on the state read, so two operators acting at once cannot both win. */
async function moveState(tx: Tx, partner: Organization, from: PartnerState[], to: PartnerState) {
  if (!from.includes(partner.partnerState)) throw new DomainError("PARTNER_STATE", { name: partner.name });
  const changed = changedRows(
    await tx
      .update(organizations)
      .set({ partnerState: to })
      .where(and(eq(organizations.id, partner.id), inArray(organizations.partnerState, from))),
  );
  if (changed !== 1) throw new DomainError("PARTNER_STATE", { name: partner.name });
}

async function tellPartner(ctx: ServiceContext, tx: Tx, partner: Organization, kind: NoticeKind, reason: string, now: Date) {
  await enqueueNotices(tx, await membersWith(tx, [partner.id], "organization.manage"), {
    kind,
    outboxKind: `partner.${kind}`,
    key: `partner.${partner.id}.${kind}.${now.getTime()}`,
    vars: { partner: partner.name, reason },
    url: `${ctx.config.publicBaseUrl}/partner/${partner.id}/customers`,
    relatedId: partner.id,
    now,
  });
}

/** Both sides' logs: the operator's, and the partner's own. */
async function auditBoth(
  tx: Tx,
  operator: Member,
  partner: Organization,
  actor: Actor,
  action: "partner.suspended" | "partner.reinstated" | "partner.offboarded",
  details: Record<string, string | number>,
  now: Date,
) {
  for (const organizationId of [operator.organization.id, partner.id]) {
    await recordAudit(tx, {
      organizationId,
      actor,
      action,
      targetType: "organization",
      targetId: partner.id,
      details: { partner: partner.name, ...details },
      at: now,
    });
  }
}

/** One conditional move between active and suspended, audited on both sides and told to the partner. */
function standingChange(
  name: string,
  move: { from: PartnerState; to: PartnerState; action: "partner.suspended" | "partner.reinstated"; notice: NoticeKind },
) {
  return defineOperation({
    name,
    input: partnerStandingSchema,
    authorize: { operator: "operator.partners.manage" },
    async run(ctx, input: PartnerStandingInput, operator) {
      const { tx, actor } = ctx;
      const partner = await partnerOrThrow(ctx, input.partnerId);
      const now = ctx.now();

      await moveState(tx, partner, [move.from], move.to);
      await auditBoth(tx, operator, partner, actor, move.action, { reason: input.reason.slice(0, 200) }, now);
      await tellPartner(ctx, tx, partner, move.notice, input.reason, now);

      return partner;
    },
  });
}

/** Suspends a partner: its people still sign in and see, but send no invitation and request no roles (lib/partners/standing.ts). */
export const suspendPartner = standingChange("partner.suspend", {
  from: "active",
  to: "suspended",
  action: "partner.suspended",
  notice: "partnerSuspended",
});

export const reinstatePartner = standingChange("partner.reinstate", {
  from: "suspended",
  to: "active",
  action: "partner.reinstated",
  notice: "partnerReinstated",
});

/**
 * Every open invitation that would give the partner something or reach out in its name, on
 * either side: customer invitations it sent or that name it as the provider, partnership
 * invitations it sent or that were sent to it, and its team's invitations. How many were withdrawn.
 */
async function withdrawOpenInvitations(tx: Tx, partnerId: string, actor: Actor, now: Date): Promise<number> {
  const closed = { state: "revoked" as const, respondedAt: now, respondedByUserId: actor.userId };
  const counts = [
    await tx
      .update(partnerships)
      .set(closed)
      .where(and(or(eq(partnerships.providerId, partnerId), eq(partnerships.resellerId, partnerId)), eq(partnerships.state, "invited"))),
    await tx
      .update(invitations)
      .set(closed)
      .where(
        and(
          or(eq(invitations.partnerId, partnerId), eq(invitations.providerId, partnerId)),
          inArray(invitations.state, ["sent", "opened"]),
        ),
      ),
    await tx
      .update(memberInvitations)
      .set(closed)
      .where(and(eq(memberInvitations.organizationId, partnerId), inArray(memberInvitations.state, ["sent", "opened"]))),
  ];
  return counts.reduce((n, result) => n + changedRows(result), 0);
}

/**
 * Offboards a partner for good, in one transaction: each reseller relationship ends as a
 * customer's removal ends it (its admin relationships and unanswered requests, access and
 * support assignments too; both sides emailed), its two-tier partnerships end, and every open
 * invitation to it, from it or naming it is withdrawn. Subscriptions are not touched (rule 3):
 * their partner of record stays, for the customer and the operator to settle.
 */
export const offboardPartner = defineOperation({
  name: "partner.offboard",
  input: offboardPartnerSchema,
  authorize: { operator: "operator.partners.manage" },
  async run(ctx, input: OffboardPartnerInput, operator) {
    const { tx, actor } = ctx;
    const partner = await partnerOrThrow(ctx, input.partnerId);
    if (input.confirmName.trim().toLocaleLowerCase() !== partner.name.trim().toLocaleLowerCase())
      throw new DomainError("VALIDATION", {}, { confirmName: ["confirmNameMismatch"] });
    const now = ctx.now();

    await moveState(tx, partner, ["active", "suspended"], "offboarded");
    const relationships = await tx
      .select({ customerId: resellerRelationships.customerId, customerName: resellerRelationships.customerName })
      .from(resellerRelationships)
      .where(and(eq(resellerRelationships.partnerId, partner.id), eq(resellerRelationships.state, "active")));
    const names = new Map<string, string>([
      [partner.id, partner.name],
      ...relationships.map((r) => [r.customerId, r.customerName] as [string, string]),
    ]);
    for (const r of relationships) {
      await endRelationshipIn(ctx, tx, actor, {
        partnerId: partner.id,
        customerId: r.customerId,
        by: "partner",
        auditOrg: partner.id,
        attestation: null,
        names,
        now,
        reason: "operator",
      });
    }
    const live = await tx
      .select()
      .from(partnerships)
      .where(and(or(eq(partnerships.providerId, partner.id), eq(partnerships.resellerId, partner.id)), eq(partnerships.state, "active")));
    for (const row of live)
      await endPartnershipIn(ctx, tx, actor, row, { byOrganizationId: operator.organization.id, byName: operator.organization.name, now });
    const withdrawn = await withdrawOpenInvitations(tx, partner.id, actor, now);
    await auditBoth(
      tx,
      operator,
      partner,
      actor,
      "partner.offboarded",
      { reason: input.reason.slice(0, 200), count: relationships.length, to: withdrawn },
      now,
    );
    await tellPartner(ctx, tx, partner, "partnerOffboarded", input.reason, now);
    return { partner, customersEnded: relationships.length, partnershipsEnded: live.length, invitationsWithdrawn: withdrawn };
  },
});
