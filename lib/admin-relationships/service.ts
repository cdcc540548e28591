import { and, eq } from "drizzle-orm";
import { adminRelationships, organizations, resellerRelationships } from "@/db/schema";
import { requirePermission, type Actor, type Member } from "@/lib/auth/membership";
import { CLOUD_RULES } from "@/lib/clouds";
import type { ServiceContext } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { deleteAssignmentsOf } from "@/lib/access/assignments";
import { GLOBAL_ADMINISTRATOR } from "./directory-roles";
import { notifyAdminRelationship } from "./notify";
import type { AdminRelationshipRef, RequestAdminRelationshipInput } from "./schemas";
import { transition, type Side } from "./state-machine";
import { apply, audit, type Row } from "./transitions";

const DAY = 86_400_000;

export function nameKey(name: string): string {
  return name.normalize("NFKC").trim().toLowerCase();
}

/**
 * A partner's Admin agent asks one of its customers for a named, time-limited set of roles.
 * The request is created and sent for approval in one transaction; the approval email goes
 * to the customer's Global administrators after commit.
 */
export function requestAdminRelationship(ctx: ServiceContext, actor: Actor, input: RequestAdminRelationshipInput) {
  const member = requirePermission(ctx.db, actor, input.partnerId, "admin_relationships.write");
  const customer = ctx.db
    .select({ org: organizations })
    .from(resellerRelationships)
    .innerJoin(organizations, eq(organizations.id, resellerRelationships.customerId))
    .where(and(eq(resellerRelationships.partnerId, member.organization.id), eq(resellerRelationships.customerId, input.customerId), eq(resellerRelationships.state, "active")))
    .get()?.org;
  if (!customer) throw new DomainError("NOT_FOUND");
  if (!CLOUD_RULES[customer.cloud].adminRelationships) throw new DomainError("ADMIN_RELATIONSHIPS_UNAVAILABLE");
  // A relationship holding Global Administrator can never be auto-extended (DOMAIN.md).
  if (input.autoExtend && input.roles.includes(GLOBAL_ADMINISTRATOR)) {
    throw new DomainError("AUTO_EXTEND_GLOBAL_ADMIN", {}, { autoExtend: ["autoExtendGlobalAdmin"] });
  }
  const key = nameKey(input.name);
  const taken = ctx.db.select({ id: adminRelationships.id }).from(adminRelationships).where(and(eq(adminRelationships.partnerId, member.organization.id), eq(adminRelationships.nameKey, key))).get();
  if (taken) throw new DomainError("NAME_TAKEN", {}, { name: ["nameTaken"] });

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
    replacesId: null,
  };
  ctx.db.transaction(
    (tx) => {
      const requested = { ...row, state: transition(row.state, "request", "partner") };
      tx.insert(adminRelationships).values(requested).run();
      audit(tx, requested, actor, "admin_relationship.requested", now);
      notifyAdminRelationship(ctx, tx, "requested", requested, now);
    },
    { behavior: "immediate" },
  );
  return { id: row.id, customerName: customer.name };
}

/** The relationship as seen from the acting organization; anything else is "not found". */
function getOwnOrThrow(ctx: ServiceContext, member: Member, id: string): Row {
  const column = member.organization.kind === "partner" ? adminRelationships.partnerId : adminRelationships.customerId;
  const row = ctx.db.select().from(adminRelationships).where(and(eq(adminRelationships.id, id), eq(column, member.organization.id))).get();
  if (!row) throw new DomainError("NOT_FOUND");
  return row;
}

export function approveAdminRelationship(ctx: ServiceContext, actor: Actor, ref: AdminRelationshipRef) {
  const member = requirePermission(ctx.db, actor, ref.organizationId, "customer.admin_relationships.approve");
  const row = getOwnOrThrow(ctx, member, ref.relationshipId);
  const now = ctx.now();
  return ctx.db.transaction(
    (tx) => {
      const active = apply(tx, row, "approve", "customer", { activatedAt: now, endsAt: new Date(now.getTime() + row.durationDays * DAY), decidedByUserId: actor.userId });
      audit(tx, active, actor, "admin_relationship.approved", now);
      notifyAdminRelationship(ctx, tx, "approved", active, now);
      const partner = tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, active.partnerId)).get();
      return { ...active, endsAt: active.endsAt!, partnerName: partner?.name ?? "" };
    },
    { behavior: "immediate" },
  );
}

export function rejectAdminRelationship(ctx: ServiceContext, actor: Actor, ref: AdminRelationshipRef) {
  const member = requirePermission(ctx.db, actor, ref.organizationId, "customer.admin_relationships.approve");
  const row = getOwnOrThrow(ctx, member, ref.relationshipId);
  const now = ctx.now();
  return ctx.db.transaction(
    (tx) => {
      const rejected = apply(tx, row, "reject", "customer", { endedAt: now, decidedByUserId: actor.userId });
      audit(tx, rejected, actor, "admin_relationship.rejected", now);
      notifyAdminRelationship(ctx, tx, "rejected", rejected, now);
      return rejected;
    },
    { behavior: "immediate" },
  );
}

/**
 * Either side ends an active relationship: the partner's Admin agent, or the customer's
 * Global administrator ("Remove admin roles"). The reseller relationship stays.
 */
export function terminateAdminRelationship(ctx: ServiceContext, actor: Actor, ref: AdminRelationshipRef) {
  const org = ctx.db.select({ kind: organizations.kind }).from(organizations).where(eq(organizations.id, ref.organizationId)).get();
  const side: Side = org?.kind === "customer" ? "customer" : "partner";
  const member = requirePermission(ctx.db, actor, ref.organizationId, side === "customer" ? "customer.admin_relationships.approve" : "admin_relationships.write");
  const row = getOwnOrThrow(ctx, member, ref.relationshipId);
  const now = ctx.now();
  return ctx.db.transaction(
    (tx) => {
      const requested = apply(tx, row, "requestTermination", side, {});
      const terminated = apply(tx, requested, "completeTermination", "system", { endedAt: now });
      deleteAssignmentsOf(tx, terminated.id, now);
      audit(tx, terminated, actor, "admin_relationship.terminated", now, member.organization.id);
      notifyAdminRelationship(ctx, tx, "terminated", terminated, now);
      return terminated;
    },
    { behavior: "immediate" },
  );
}
