import { dialect } from "@/db/dialect";
import { changedRows, firstRow } from "@/db/query";
import { and, eq } from "drizzle-orm";
import { invitations, organizations } from "@/db/schema";
import type { Actor, Organization } from "@/lib/auth/membership";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/db/transaction";
import { assertInGoodStanding, requireStanding } from "@/lib/partners/standing";
import type { ServiceContext } from "@/lib/context";
import { defineOperation } from "@/lib/operations/define";
import { normalizeDomain } from "@/lib/email/normalize";
import { enqueueEmail } from "@/lib/email/outbox";
import { invitationAnsweredEmail } from "@/lib/email/templates";
import { activePartnership } from "@/lib/partnerships/service";
import { needsFreshSignIn } from "@/lib/auth/recent-sign-in";
import { DomainError } from "@/lib/errors";
import { grantWithInvitation } from "@/lib/admin-relationships/service";
import { newId } from "@/lib/ids";
import { acceptInvitationSchema, declineInvitationSchema, type AcceptInvitationInput } from "./schemas";
import { invitationStatus } from "./status";
import { assertAnswerable } from "./answerable";
import { hashToken, isWellFormedToken } from "./tokens";
import { checkExistingTarget, checkNewTarget, linkProvider } from "./acceptance-checks";
import {
  closeOpenInvitation,
  insertMembership,
  insertOrganization,
  insertResellerRelationship,
  invitationByTokenHash,
  organizationById,
  userById,
} from "./statements";

type InvitationRow = typeof invitations.$inferSelect;

export async function findInvitationByToken(ctx: ServiceContext, token: string): Promise<InvitationRow | null> {
  if (!isWellFormedToken(token)) return null;
  return (await firstRow(invitationByTokenHash(ctx.db).execute({ hash: hashToken(token) }))) ?? null;
}

/** The invitation behind a token, if it can still be answered, and by this actor; otherwise the reason. */
async function requireAnswerable(ctx: ServiceContext, actor: Actor, token: string): Promise<InvitationRow> {
  return assertAnswerable(await findInvitationByToken(ctx, token), actor, ctx.now());
}

/**
 * Marks the invitation answered only if it is still open at this instant: the conditional
 * update is what makes the link single-use when two answers race.
 */
async function closeInvitation(
  tx: Tx,
  inv: InvitationRow,
  state: "accepted" | "declined",
  actor: Actor,
  now: Date,
  customerId: string | null,
) {
  const changed = changedRows(
    await closeOpenInvitation(tx).execute({
      state,
      respondedAt: dialect.timeParam(now),
      respondedByUserId: actor.userId,
      customerId,
      id: inv.id,
      now: dialect.timeParam(now),
    }),
  );
  if (changed !== 1) throw new DomainError("INVITATION_USED");
}

/** Viewing the landing page records "opened" and nothing else (a prefetch cannot accept). */
export const markInvitationOpened = defineOperation({
  name: "invitation.open",
  input: declineInvitationSchema,
  authorize: { system: true },
  async run(ctx, { token }): Promise<void> {
    const { tx } = ctx;
    const inv = await findInvitationByToken(ctx, token);
    if (!inv || invitationStatus(inv, ctx.now()) !== "sent") return;
    const now = ctx.now();
    const changed = changedRows(
      await tx
        .update(invitations)
        .set({ state: "opened", openedAt: now })
        .where(and(eq(invitations.id, inv.id), eq(invitations.state, "sent"))),
    );
    if (changed === 1) {
      await recordAudit(tx, {
        organizationId: inv.partnerId,
        actor: null,
        action: "invitation.opened",
        targetType: "invitation",
        targetId: inv.id,
        details: { email: inv.email },
        at: now,
      });
    }
  },
});

async function notifyPartner(
  ctx: ServiceContext,
  tx: Tx,
  inv: InvitationRow,
  partner: Organization,
  accepted: boolean,
  customer: Organization | null,
  now: Date,
) {
  const inviter = await firstRow(userById(tx).execute({ id: inv.createdByUserId }));
  if (!inviter) return;
  const url = customer
    ? `${ctx.config.publicBaseUrl}/partner/${partner.id}/customers/${customer.id}`
    : `${ctx.config.publicBaseUrl}/partner/${partner.id}/invitations`;
  await enqueueEmail(
    tx,
    {
      idempotencyKey: `invitation.${inv.id}.${accepted ? "accepted" : "declined"}`,
      kind: accepted ? "invitation.accepted" : "invitation.declined",
      to: inviter.email,
      organizationId: partner.id,
      relatedId: inv.id,
      ...invitationAnsweredEmail({
        locale: inviter.locale ?? inv.locale,
        accepted,
        customerName: customer?.name ?? null,
        email: inv.email,
        partnerName: partner.name,
        url,
      }),
    },
    now,
  );
}

/**
 * The customer's Global administrator accepts (journey step 4). One transaction: close the
 * invitation (conditionally), create the customer organization if new, the reseller
 * relationship, the audit rows and the partner's notice. No subscription is touched (rule 3),
 * and other partners' relationships stay as they are (rule 1).
 */

export const acceptInvitation = defineOperation({
  name: "invitation.accept",
  input: acceptInvitationSchema,
  authorize: { person: true },
  async run(ctx, input: AcceptInvitationInput) {
    const { tx, actor } = ctx;
    const inv = await requireAnswerable(ctx, actor, input.token);
    const partner = await firstRow(organizationById(ctx.db).execute({ id: inv.partnerId }));
    if (!partner) throw new DomainError("INVITATION_INVALID");
    // A suspended or offboarded partner gains no customer, whenever its invitation was sent; nor does a provider it names.
    assertInGoodStanding(partner);
    await requireStanding(ctx.db, inv.providerId);
    if (inv.providerId && !(await activePartnership(ctx.db, inv.providerId, partner.id))) throw new DomainError("PROVIDER_UNAVAILABLE");
    // Accepting grants the admin roles asked for with it: Global Administrator only from a recent sign-in.
    if (inv.adminRequest && needsFreshSignIn(inv.adminRequest.roles, actor, ctx.now())) throw new DomainError("REAUTH_REQUIRED");

    const newDomain = input.target === "new" ? normalizeDomain(input.primaryDomain) : null;
    const existing = input.target === "existing" ? await checkExistingTarget(ctx, actor, partner, input.customerId, inv.providerId) : null;
    if (newDomain) await checkNewTarget(ctx, partner, newDomain);

    const now = ctx.now();

    // A new organization is written first so the invitation closes naming it in one update;
    // if another answer won the invitation, the whole transaction (organization too) rolls back.
    let customer = existing;
    if (!customer && input.target === "new" && newDomain) {
      customer = {
        id: newId("org"),
        kind: "customer",
        name: input.name,
        cloud: partner.cloud,
        country: input.country,
        primaryDomain: newDomain,
        partnerType: null,
        partnerPublicId: null,
        isCspTransactionTenant: false,
        partnerState: "active",
        corporateOfPartnerId: null,
        createdAt: now,
      } satisfies Organization;
      await insertOrganization(tx).execute(customer);
      await insertMembership(tx).execute({
        id: newId("mem"),
        organizationId: customer.id,
        userId: actor.userId,
        roles: ["global_admin"],
        createdAt: now,
      });
      await recordAudit(tx, {
        organizationId: customer.id,
        customerId: customer.id,
        actor,
        action: "customer.created",
        targetType: "organization",
        targetId: customer.id,
        details: { name: customer.name, domain: newDomain },
        at: now,
      });
    }
    if (!customer) throw new DomainError("VALIDATION");
    await closeInvitation(tx, inv, "accepted", actor, now, customer.id);
    const relationshipId = newId("rel");
    await insertResellerRelationship(tx).execute({
      id: relationshipId,
      partnerId: partner.id,
      customerId: customer.id,
      state: "active",
      invitationId: inv.id,
      createdAt: now,
      providerId: inv.providerId,
      resellerId: null,
      customerName: customer.name,
      customerDomain: customer.primaryDomain,
    });
    const details = { partner: partner.name, customer: customer.name, email: inv.email };
    await recordAudit(tx, {
      organizationId: partner.id,
      customerId: customer.id,
      actor,
      action: "invitation.accepted",
      targetType: "invitation",
      targetId: inv.id,
      details,
      at: now,
    });
    await recordAudit(tx, {
      organizationId: partner.id,
      customerId: customer.id,
      actor,
      action: "reseller_relationship.created",
      targetType: "reseller_relationship",
      targetId: relationshipId,
      details,
      at: now,
    });
    // One acceptance does both: admin roles asked for with the invitation are granted now.
    const adminRelationship = inv.adminRequest
      ? await grantWithInvitation(ctx, tx, {
          partnerId: partner.id,
          customerId: customer.id,
          request: inv.adminRequest,
          requestedAt: inv.createdAt,
          requestedBy: inv.createdByUserId,
          actor,
          now,
        })
      : null;
    await notifyPartner(ctx, tx, inv, partner, true, customer, now);
    const provider = inv.providerId ? await linkProvider(ctx, tx, { inv, reseller: partner, customer, actor, now }) : null;
    return {
      customerId: customer.id,
      relationshipId,
      partnerId: partner.id,
      adminRelationshipId: adminRelationship?.id ?? null,
      providerId: provider?.id ?? null,
    };
  },
});

export const declineInvitation = defineOperation({
  name: "invitation.decline",
  input: declineInvitationSchema,
  authorize: { person: true },
  async run(ctx, { token }) {
    const { tx, actor } = ctx;
    const inv = await requireAnswerable(ctx, actor, token);
    const partner = await firstRow(ctx.db.select().from(organizations).where(eq(organizations.id, inv.partnerId)));
    if (!partner) throw new DomainError("INVITATION_INVALID");
    const now = ctx.now();

    await closeInvitation(tx, inv, "declined", actor, now, null);
    await recordAudit(tx, {
      organizationId: partner.id,
      actor,
      action: "invitation.declined",
      targetType: "invitation",
      targetId: inv.id,
      details: { email: inv.email },
      at: now,
    });
    await notifyPartner(ctx, tx, inv, partner, false, null, now);

    return { partnerName: partner.name };
  },
});
