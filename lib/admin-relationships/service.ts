import { and, eq } from "drizzle-orm";
import { adminRelationships, organizations } from "@/db/schema";
import { requirePermission, type Actor, type Member } from "@/lib/auth/membership";
import { transaction, type Tx } from "@/db/transaction";
import type { ServiceContext } from "@/lib/context";
import { needsFreshSignIn } from "@/lib/auth/recent-sign-in";
import { DomainError } from "@/lib/errors";
import { assertInGoodStanding } from "@/lib/partners/standing";
import { newId } from "@/lib/ids";
import { deleteAssignmentsOf } from "@/lib/access/assignments";
import { endSupportWithoutAdminAccess } from "@/lib/support/service";
import { activeResellerRelationship } from "@/lib/relationships/queries";
import { checkAdminRequest, nameKey } from "./rules";
import { notifyAdminRelationship } from "./notify";
import type { AdminRelationshipRef, RequestAdminRelationshipInput } from "./schemas";
import type { AdminRequest } from "@/db/values/admin-relationships";
import { transition, type Side } from "./state-machine";
import { apply, audit, type Row } from "./transitions";

const DAY = 86_400_000;

/**
 * A partner's Admin agent asks one of its customers for a named, time-limited set of roles.
 * The request is created and sent for approval in one transaction; the approval email goes
 * to the customer's Global administrators after commit.
 */
export async function requestAdminRelationship(ctx: ServiceContext, actor: Actor, input: RequestAdminRelationshipInput) {
  const member = requirePermission(ctx.db, actor, input.partnerId, "admin_relationships.write");
  assertInGoodStanding(member.organization);
  const customer = activeResellerRelationship(ctx.db, member.organization.id, input.customerId)
    ? ctx.db.select().from(organizations).where(eq(organizations.id, input.customerId)).get()
    : undefined;
  if (!customer) throw new DomainError("NOT_FOUND");
  checkAdminRequest(ctx.db, member.organization.id, customer.cloud, input);
  if (input.replacesId) {
    const replaced = ctx.db
      .select({ id: adminRelationships.id })
      .from(adminRelationships)
      .where(
        and(
          eq(adminRelationships.id, input.replacesId),
          eq(adminRelationships.partnerId, member.organization.id),
          eq(adminRelationships.customerId, customer.id),
        ),
      )
      .get();
    if (!replaced) throw new DomainError("NOT_FOUND");
  }
  const key = nameKey(input.name);

  const now = ctx.now();
  const row: Row = {
    id: newId("gdap"),
    partnerId: member.organization.id,
    customerId: customer.id,
    name: input.name,
    nameKey: key,
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
    replacesId: input.replacesId ?? null,
    lastNoticeKey: null,
  };
  await transaction(ctx.db, (tx) => {
    const requested = { ...row, state: transition(row.state, "request", "partner") };
    tx.insert(adminRelationships).values(requested).run();
    audit(tx, requested, actor, "admin_relationship.requested", now);
    notifyAdminRelationship(ctx, tx, "requested", requested, now);
  });
  return { id: row.id, customerName: customer.name };
}

/** The relationship as seen from the acting organization; anything else is "not found". */
function getOwnOrThrow(ctx: ServiceContext, member: Member, id: string): Row {
  const column = member.organization.kind === "partner" ? adminRelationships.partnerId : adminRelationships.customerId;
  const row = ctx.db
    .select()
    .from(adminRelationships)
    .where(and(eq(adminRelationships.id, id), eq(column, member.organization.id)))
    .get();
  if (!row) throw new DomainError("NOT_FOUND");
  return row;
}

export async function approveAdminRelationship(ctx: ServiceContext, actor: Actor, ref: AdminRelationshipRef) {
  const member = requirePermission(ctx.db, actor, ref.organizationId, "customer.admin_relationships.approve");
  const row = getOwnOrThrow(ctx, member, ref.relationshipId);
  const now = ctx.now();
  // Global Administrator hands over the whole tenant: only from a sign-in of the last 15 minutes.
  if (needsFreshSignIn(row.roles, actor, now)) throw new DomainError("REAUTH_REQUIRED");
  return await transaction(ctx.db, (tx) => {
    // Read in the transaction: a partner suspended or offboarded since it asked gains nothing.
    const partner = tx
      .select({ name: organizations.name, partnerState: organizations.partnerState })
      .from(organizations)
      .where(eq(organizations.id, row.partnerId))
      .get();
    if (!partner) throw new DomainError("NOT_FOUND");
    assertInGoodStanding(partner);
    // Which moment: a partner the customer removed since it asked gains nothing (rule 9).
    if (!activeResellerRelationship(tx, row.partnerId, row.customerId))
      throw new DomainError("RELATIONSHIP_ENDED", { partner: partner.name });
    const active = apply(tx, row, "approve", "customer", {
      activatedAt: now,
      endsAt: new Date(now.getTime() + row.durationDays * DAY),
      decidedByUserId: actor.userId,
    });
    audit(tx, active, actor, "admin_relationship.approved", now);
    notifyAdminRelationship(ctx, tx, "approved", active, now);
    return { ...active, endsAt: active.endsAt!, partnerName: partner.name };
  });
}

export async function rejectAdminRelationship(ctx: ServiceContext, actor: Actor, ref: AdminRelationshipRef) {
  const member = requirePermission(ctx.db, actor, ref.organizationId, "customer.admin_relationships.approve");
  const row = getOwnOrThrow(ctx, member, ref.relationshipId);
  const now = ctx.now();
  return await transaction(ctx.db, (tx) => {
    const rejected = apply(tx, row, "reject", "customer", { endedAt: now, decidedByUserId: actor.userId });
    audit(tx, rejected, actor, "admin_relationship.rejected", now);
    notifyAdminRelationship(ctx, tx, "rejected", rejected, now);
    return rejected;
  });
}

/**
 * Either side ends an active relationship: the partner's Admin agent, or the customer's
 * Global administrator ("Remove admin roles"). The reseller relationship stays.
 */
export async function terminateAdminRelationship(ctx: ServiceContext, actor: Actor, ref: AdminRelationshipRef) {
  const org = ctx.db.select({ kind: organizations.kind }).from(organizations).where(eq(organizations.id, ref.organizationId)).get();
  const side: Side = org?.kind === "customer" ? "customer" : "partner";
  const member = requirePermission(
    ctx.db,
    actor,
    ref.organizationId,
    side === "customer" ? "customer.admin_relationships.approve" : "admin_relationships.write",
  );
  const row = getOwnOrThrow(ctx, member, ref.relationshipId);
  const now = ctx.now();
  return await transaction(ctx.db, (tx) => {
    const requested = apply(tx, row, "requestTermination", side, {});
    const terminated = apply(tx, requested, "completeTermination", "system", { endedAt: now });
    deleteAssignmentsOf(tx, terminated.id, now);
    endSupportWithoutAdminAccess(ctx, tx, terminated.partnerId, terminated.customerId, actor, now);
    audit(tx, terminated, actor, "admin_relationship.terminated", now, member.organization.id);
    notifyAdminRelationship(ctx, tx, "terminated", terminated, now);
    return terminated;
  });
}

/**
 * Admin roles that rode along with a reseller invitation: the Global administrator's
 * acceptance is also the approval, so the relationship is requested and approved in the
 * caller's transaction. If another relationship took the name meanwhile, a suffix keeps it unique.
 */
export function grantWithInvitation(
  ctx: ServiceContext,
  tx: Tx,
  p: { partnerId: string; customerId: string; request: AdminRequest; requestedAt: Date; requestedBy: string; actor: Actor; now: Date },
) {
  let name = p.request.name;
  for (
    let n = 2;
    tx
      .select({ id: adminRelationships.id })
      .from(adminRelationships)
      .where(and(eq(adminRelationships.partnerId, p.partnerId), eq(adminRelationships.nameKey, nameKey(name))))
      .get();
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
  };
  const requested = { ...created, state: transition(created.state, "request", "partner") };
  tx.insert(adminRelationships).values(requested).run();
  audit(tx, requested, p.actor, "admin_relationship.requested", p.now);
  const active = apply(tx, requested, "approve", "customer", {
    activatedAt: p.now,
    endsAt: new Date(p.now.getTime() + requested.durationDays * DAY),
    decidedByUserId: p.actor.userId,
  });
  audit(tx, active, p.actor, "admin_relationship.approved", p.now);
  notifyAdminRelationship(ctx, tx, "approved", active, p.now);
  return active;
}
