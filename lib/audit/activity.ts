import "server-only";
import { and, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents, organizations, resellerRelationships as rr } from "@/db/schema";
import { alias } from "drizzle-orm/sqlite-core";
import { ensurePermitted, type Member } from "@/lib/auth/membership";
import type { ActivityFilters } from "./filters";

const DAY = 86_400_000;
export const ACTIVITY_PAGE = 50;

/**
 * Whose log this is decides what it may contain: a partner (and the operator) sees the events
 * of its own organization; a customer sees every event that touches its tenant, whoever acted.
 */
function scope(member: Member): SQL {
  return member.organization.kind === "customer"
    ? eq(auditEvents.customerId, member.organization.id)
    : eq(auditEvents.organizationId, member.organization.id);
}

function where(member: Member, f: ActivityFilters, before?: number) {
  return and(
    scope(member),
    f.action ? eq(auditEvents.action, f.action) : undefined,
    f.actor ? eq(auditEvents.actorEmail, f.actor) : undefined,
    f.from ? gte(auditEvents.createdAt, new Date(`${f.from}T00:00:00Z`)) : undefined,
    f.to ? lt(auditEvents.createdAt, new Date(Date.parse(`${f.to}T00:00:00Z`) + DAY)) : undefined,
    f.customer && member.organization.kind === "partner" ? eq(auditEvents.customerId, f.customer) : undefined,
    before ? lt(auditEvents.id, before) : undefined,
  );
}

const actingOrg = alias(organizations, "acting_org");
const customerOrg = alias(organizations, "customer_org");

/**
 * A partner's log names each customer as its own relationship does (the latest one): kept
 * current while it is active, the name it had when it ended after that. What has ended shows
 * nothing of today, so a customer's rename never reaches a partner it removed.
 */
const customerNameAsThePartnerKnowsIt = sql<
  string | null
>`(select ${rr.customerName} from ${rr} where ${rr.customerId} = ${auditEvents.customerId} and ${rr.partnerId} = ${auditEvents.organizationId} order by ${rr.createdAt} desc limit 1)`;

const columns = {
  organizationName: actingOrg.name,
  customerName: sql<string | null>`${customerOrg.name}`,
  id: auditEvents.id,
  createdAt: auditEvents.createdAt,
  actorEmail: auditEvents.actorEmail,
  actorKeyName: auditEvents.actorKeyName,
  organizationId: auditEvents.organizationId,
  customerId: auditEvents.customerId,
  action: auditEvents.action,
  targetType: auditEvents.targetType,
  targetId: auditEvents.targetId,
  details: auditEvents.details,
};

/**
 * One page of the log, newest first, by keyset on the id (`before` = the last id seen), so
 * page 1,000 costs what page 1 costs: the (tenant, id) and (tenant, action, id) indexes serve it.
 */
export async function listActivity(db: Db, member: Member, f: ActivityFilters, size = ACTIVITY_PAGE) {
  ensurePermitted(member, "activity.read", "operator.console.read", "customer.activity.read");
  const rows = await db
    .select(member.organization.kind === "partner" ? { ...columns, customerName: customerNameAsThePartnerKnowsIt } : columns)
    .from(auditEvents)
    .leftJoin(actingOrg, eq(actingOrg.id, auditEvents.organizationId))
    .leftJoin(customerOrg, eq(customerOrg.id, auditEvents.customerId))
    .where(where(member, f, f.before))
    .orderBy(desc(auditEvents.id))
    .limit(size + 1);
  const page = rows.slice(0, size);
  return { rows: page, nextBefore: rows.length > size ? page[page.length - 1].id : null };
}

export type ActivityRow = Awaited<ReturnType<typeof listActivity>>["rows"][number];

/** Every row of the filtered log, fetched in batches: what the CSV export streams. */
export async function* iterateActivity(db: Db, member: Member, f: ActivityFilters, batch = 1000): AsyncGenerator<ActivityRow> {
  let before = f.before;
  for (;;) {
    const { rows, nextBefore } = await listActivity(db, member, { ...f, before }, batch);
    yield* rows;
    if (!nextBefore) return;
    before = nextBefore;
  }
}
