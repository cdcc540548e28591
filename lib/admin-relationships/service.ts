import { firstRow } from "@/db/query";
import { and, eq } from "drizzle-orm";
import { adminRelationships, adminTemplateVersions, organizations } from "@/db/schema";
import type { Actor, Member } from "@/lib/auth/membership";
import type { Tx } from "@/db/transaction";
import type { ServiceContext } from "@/lib/context";
import { defineOperation, type OperationContext } from "@/lib/operations/define";
import { needsFreshSignIn } from "@/lib/auth/recent-sign-in";
import { DomainError } from "@/lib/errors";
import { assertInGoodStanding } from "@/lib/partners/standing";
import { newId } from "@/lib/ids";
import { deleteAssignmentsOf, grantTemplateGroups } from "@/lib/access/assignments";
import { endSupportWithoutAdminAccess } from "@/lib/support/service";
import { activeResellerRelationship } from "@/lib/relationships/queries";
import { checkAdminRequest, nameKey } from "./rules";
import { notifyAdminRelationship } from "./notify";
import { adminRelationshipRefSchema, requestAdminRelationshipSchema, type RequestAdminRelationshipInput } from "./schemas";
import type { AdminRequest } from "@/db/values/admin-relationships";
import { transition, type Side } from "./state-machine";
import { apply, audit, type Row } from "./transitions";

const DAY = 86_400_000;

/**
 * A partner's Admin agent asks one of its customers for a named, time-limited set of roles.
 * The request is created and sent for approval in one transaction; the approval email goes
 * to the customer's Global administrators after commit.
 */
export const requestAdminRelationship = defineOperation({
  name: "admin_relationship.request",
  input: requestAdminRelationshipSchema,
  authorize: {
    organization: (input: RequestAdminRelationshipInput) => input.partnerId,
    permission: "admin_relationships.write",
    standing: true,
  },
  run: async (ctx, input: RequestAdminRelationshipInput, member) =>
    await requestIn(ctx, member, input.customerId, input, { replacesId: input.replacesId ?? null, templateVersionId: null }),
});

/**
 * A request for roles of one customer, inside the caller's transaction: the rules of every
 * request, the row, its activity entry and the approval email. Asked by hand, or from a
 * template's version (named on the row, for its group mappings on approval).
 */
export async function requestIn(
  ctx: OperationContext,
  member: Member,
  customerId: string,
  input: AdminRequest,
  from: { replacesId: string | null; templateVersionId: string | null },
) {
  const { tx, actor } = ctx;
  const customer = (await activeResellerRelationship(ctx.db, member.organization.id, customerId))
    ? await firstRow(ctx.db.select().from(organizations).where(eq(organizations.id, customerId)))
    : undefined;
  if (!customer) throw new DomainError("NOT_FOUND");
  await checkAdminRequest(ctx.db, member.organization.id, customer.cloud, input);
  if (from.replacesId) {
    const replaced = await firstRow(
      ctx.db
        .select({ id: adminRelationships.id })
        .from(adminRelationships)
        .where(
          and(
            eq(adminRelationships.id, from.replacesId),
            eq(adminRelationships.partnerId, member.organization.id),
            eq(adminRelationships.customerId, customer.id),
          ),
        ),
    );
    if (!replaced) throw new DomainError("NOT_FOUND");
  }
  const now = ctx.now();
  const row: Row = {
    id: newId("gdap"),
    partnerId: member.organization.id,
    customerId: customer.id,
    name: input.name,
    nameKey: nameKey(input.name),
    roles: input.roles,
    durationDays: input.durationDays,
    autoExtend: input.autoExtend,
    state: "created",
    createdByUserId: actor.userId,
    createdAt: now,
    requestedAt: now,
    activatedAt: null,
    endsAt: null,
    endedAt: null,
    decidedByUserId: null,
    replacesId: from.replacesId,
    lastNoticeKey: null,
    templateVersionId: from.templateVersionId,
  };

  const requested = { ...row, state: transition(row.state, "request", "partner") };
  await tx.insert(adminRelationships).values(requested);
  await audit(tx, requested, actor, "admin_relationship.requested", now);
  await notifyAdminRelationship(ctx, tx, "requested", requested, now);
  return { id: row.id, customerName: customer.name };
}

/** The relationship as seen from the acting organization; anything else is "not found". */
async function getOwnOrThrow(ctx: ServiceContext, member: Member, id: string): Promise<Row> {
  const column = member.organization.kind === "partner" ? adminRelationships.partnerId : adminRelationships.customerId;
  const row = await firstRow(
    ctx.db
      .select()
      .from(adminRelationships)
      .where(and(eq(adminRelationships.id, id), eq(column, member.organization.id))),
  );
  if (!row) throw new DomainError("NOT_FOUND");
  return row;
}

export const approveAdminRelationship = defineOperation({
  name: "admin_relationship.approve",
  input: adminRelationshipRefSchema,
  authorize: { organization: (ref) => ref.organizationId, permission: "customer.admin_relationships.approve" },
  async run(ctx, ref, member) {
    const { tx, actor } = ctx;
    const row = await getOwnOrThrow(ctx, member, ref.relationshipId);
    const now = ctx.now();
    // Global Administrator hands over the whole tenant: only from a sign-in of the last 15 minutes.
    if (needsFreshSignIn(row.roles, actor, now)) throw new DomainError("REAUTH_REQUIRED");

    // Read in the transaction: a partner suspended or offboarded since it asked gains nothing.
    const partner = await firstRow(
      tx
        .select({ name: organizations.name, partnerState: organizations.partnerState })
        .from(organizations)
        .where(eq(organizations.id, row.partnerId)),
    );
    if (!partner) throw new DomainError("NOT_FOUND");
    assertInGoodStanding(partner);
    // Which moment: a partner the customer removed since it asked gains nothing (rule 9).
    if (!(await activeResellerRelationship(tx, row.partnerId, row.customerId)))
      throw new DomainError("RELATIONSHIP_ENDED", { partner: partner.name });
    const active = await apply(tx, row, "approve", "customer", {
      activatedAt: now,
      endsAt: new Date(now.getTime() + row.durationDays * DAY),
      decidedByUserId: actor.userId,
    });
    await audit(tx, active, actor, "admin_relationship.approved", now);
    if (active.templateVersionId) {
      const version = await firstRow(tx.select().from(adminTemplateVersions).where(eq(adminTemplateVersions.id, active.templateVersionId)));
      if (version) await grantTemplateGroups(tx, active, version.groupRoles, now);
    }
    await notifyAdminRelationship(ctx, tx, "approved", active, now);
    return { ...active, endsAt: active.endsAt!, partnerName: partner.name };
  },
});

export const rejectAdminRelationship = defineOperation({
  name: "admin_relationship.reject",
  input: adminRelationshipRefSchema,
  authorize: { organization: (ref) => ref.organizationId, permission: "customer.admin_relationships.approve" },
  async run(ctx, ref, member) {
    const { tx, actor } = ctx;
    const row = await getOwnOrThrow(ctx, member, ref.relationshipId);
    const now = ctx.now();

    const rejected = await apply(tx, row, "reject", "customer", { endedAt: now, decidedByUserId: actor.userId });
    await audit(tx, rejected, actor, "admin_relationship.rejected", now);
    await notifyAdminRelationship(ctx, tx, "rejected", rejected, now);
    return rejected;
  },
});

/**
 * Either side ends an active relationship: the partner's Admin agent, or the customer's
 * Global administrator ("Remove admin roles"). The reseller relationship stays.
 */
export const terminateAdminRelationship = defineOperation({
  name: "admin_relationship.terminate",
  input: adminRelationshipRefSchema,
  authorize: {
    organization: (ref) => ref.organizationId,
    permission: { partner: "admin_relationships.write", customer: "customer.admin_relationships.approve" },
  },
  async run(ctx, ref, member) {
    const { tx, actor } = ctx;
    const side: Side = member.organization.kind === "customer" ? "customer" : "partner";
    const row = await getOwnOrThrow(ctx, member, ref.relationshipId);
    const now = ctx.now();

    const requested = await apply(tx, row, "requestTermination", side, {});
    const terminated = await apply(tx, requested, "completeTermination", "system", { endedAt: now });
    await deleteAssignmentsOf(tx, terminated.id, now);
    await endSupportWithoutAdminAccess(ctx, tx, terminated.partnerId, terminated.customerId, actor, now);
    await audit(tx, terminated, actor, "admin_relationship.terminated", now, member.organization.id);
    await notifyAdminRelationship(ctx, tx, "terminated", terminated, now);
    return terminated;
  },
});

/**
 * Admin roles that rode along with a reseller invitation: the Global administrator's
 * acceptance is also the approval, so the relationship is requested and approved in the
 * caller's transaction. If another relationship took the name meanwhile, a suffix keeps it unique.
 */
export async function grantWithInvitation(
  ctx: ServiceContext,
  tx: Tx,
  p: { partnerId: string; customerId: string; request: AdminRequest; requestedAt: Date; requestedBy: string; actor: Actor; now: Date },
) {
  let name = p.request.name;
  for (
    let n = 2;
    await firstRow(
      tx
        .select({ id: adminRelationships.id })
        .from(adminRelationships)
        .where(and(eq(adminRelationships.partnerId, p.partnerId), eq(adminRelationships.nameKey, nameKey(name)))),
    );
    n++
  ) {
    name = `${p.request.name.slice(0, 45)} (${n})`;
  }
  const created: Row = {
    id: newId("gdap"),
    partnerId: p.partnerId,
    customerId: p.customerId,
    name,
    nameKey: nameKey(name),
    roles: p.request.roles,
    durationDays: p.request.durationDays,
    autoExtend: p.request.autoExtend,
    state: "created",
    createdByUserId: p.requestedBy,
    createdAt: p.requestedAt,
    requestedAt: p.requestedAt,
    activatedAt: null,
    endsAt: null,
    endedAt: null,
    decidedByUserId: null,
    replacesId: null,
    lastNoticeKey: null,
    templateVersionId: null,
  };
  const requested = { ...created, state: transition(created.state, "request", "partner") };
  await tx.insert(adminRelationships).values(requested);
  await audit(tx, requested, p.actor, "admin_relationship.requested", p.now);
  const active = await apply(tx, requested, "approve", "customer", {
    activatedAt: p.now,
    endsAt: new Date(p.now.getTime() + requested.durationDays * DAY),
    decidedByUserId: p.actor.userId,
  });
  await audit(tx, active, p.actor, "admin_relationship.approved", p.now);
  await notifyAdminRelationship(ctx, tx, "approved", active, p.now);
  return active;
}
