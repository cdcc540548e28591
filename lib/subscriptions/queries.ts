import { firstRow } from "@/db/query";
import "server-only";
import { and, count, desc, eq, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { dialect } from "@/db/dialect";
import { prepared } from "@/db/prepared";
import { resellerRelationships, subscriptions } from "@/db/schema";
import type { SubscriptionState } from "@/db/values/subscriptions";
import { type Member, ensurePermitted } from "@/lib/auth/membership";
import { DomainError } from "@/lib/errors";
import { PAGE_SIZE, toPage } from "@/lib/pagination";
import { containsParam, containsPattern } from "@/lib/search";

/**
 * What the partner sold and still looks after: every subscription it is partner of record
 * for, newest first, optionally of one status or matching a customer's name or domain or a
 * product, and how many there are. Only at customers it works with now: when a relationship
 * ends, its customer's subscriptions leave the list as they leave the customer's page (rule
 * 9), though the partner of record stays what it was (rule 3). The page walks (partner of
 * record, created_at, id); each row finds its relationship through the partial unique index
 * of active relationships.
 */
export async function listPartnerSubscriptions(db: Db, member: Member, opts: SubscriptionFilter & { page: number }) {
  ensurePermitted(member, "subscriptions.read");
  const offset = (opts.page - 1) * PAGE_SIZE;
  const [params, shape] = filterOf(member, opts);
  const rows = await subscriptionPage(db, shape).execute({ ...params, limit: PAGE_SIZE + 1, offset });
  const page = toPage(rows, opts.page);
  const total = !page.hasNext && rows.length > 0 ? offset + rows.length : (await firstRow(subscriptionCount(db, shape).execute(params)))!.n;
  return { ...page, total };
}

export type SubscriptionFilter = { state?: SubscriptionState; q?: string };
/** Which prepared variant a filter takes: with or without a status, with or without a search. */
type Shape = { filtered: boolean; searching: boolean };

function filterOf(member: Member, f: SubscriptionFilter): [{ partnerId: string; state: string; pattern: string }, Shape] {
  const term = f.q?.trim() ?? "";
  return [
    { partnerId: member.organization.id, state: f.state ?? "", pattern: containsPattern(term) },
    { filtered: f.state !== undefined, searching: term !== "" },
  ];
}

/**
 * The same list whole, for the CSV export: batches by keyset on (created_at, id), so a
 * subscription sold while the file downloads repeats no row and pushes none out.
 */
export async function* iteratePartnerSubscriptions(db: Db, member: Member, opts: SubscriptionFilter, batch = 1000) {
  ensurePermitted(member, "subscriptions.read");
  const [filter, shape] = filterOf(member, opts);
  const params = { ...filter, limit: batch };
  let rows = await subscriptionPage(db, shape).execute({ ...params, offset: 0 });
  for (;;) {
    yield* rows;
    const last = rows.at(-1);
    if (rows.length < batch || !last) return;
    rows = await subscriptionsAfter(db, shape).execute({ ...params, beforeAt: dialect.timeParam(last.createdAt), beforeId: last.id });
  }
}

const columns = () => ({
  id: subscriptions.id,
  customerId: subscriptions.customerId,
  customerName: resellerRelationships.customerName,
  customerDomain: resellerRelationships.customerDomain,
  product: subscriptions.product,
  seats: subscriptions.seats,
  state: subscriptions.state,
  termEndsAt: subscriptions.termEndsAt,
  createdAt: subscriptions.createdAt,
});

// Prepared, one per shape of filter: built and prepared once per connection (db/prepared.ts).
const subscriptionPage = (db: Db, shape: Shape) =>
  prepared(db, `subscriptions.partnerPage.${shape.filtered}.${shape.searching}`, (d) =>
    d
      .select(columns())
      .from(subscriptions)
      .innerJoin(resellerRelationships, inForce())
      .where(ofPartner(shape))
      .orderBy(desc(subscriptions.createdAt), desc(subscriptions.id))
      .limit(sql.placeholder("limit"))
      .offset(sql.placeholder("offset"))
      .prepare(),
  );

const subscriptionsAfter = (db: Db, shape: Shape) =>
  prepared(db, `subscriptions.partnerAfter.${shape.filtered}.${shape.searching}`, (d) =>
    d
      .select(columns())
      .from(subscriptions)
      .innerJoin(resellerRelationships, inForce())
      .where(
        and(
          ofPartner(shape),
          sql`(${subscriptions.createdAt}, ${subscriptions.id}) < (${sql.placeholder("beforeAt")}, ${sql.placeholder("beforeId")})`,
        ),
      )
      .orderBy(desc(subscriptions.createdAt), desc(subscriptions.id))
      .limit(sql.placeholder("limit"))
      .prepare(),
  );

const subscriptionCount = (db: Db, shape: Shape) =>
  prepared(db, `subscriptions.partnerCount.${shape.filtered}.${shape.searching}`, (d) =>
    d.select({ n: count() }).from(subscriptions).innerJoin(resellerRelationships, inForce()).where(ofPartner(shape)).prepare(),
  );

/** The partner's active relationship with the subscription's customer: `state = 'active'` written out, so the partial unique index of active relationships matches it whatever is bound. */
function inForce() {
  const r = resellerRelationships;
  return and(eq(r.partnerId, subscriptions.partnerOfRecordId), eq(r.customerId, subscriptions.customerId), sql`${r.state} = 'active'`);
}

function ofPartner({ filtered, searching }: Shape) {
  const r = resellerRelationships;
  return and(
    eq(subscriptions.partnerOfRecordId, sql.placeholder("partnerId")),
    filtered ? eq(subscriptions.state, sql.placeholder("state")) : undefined,
    searching ? or(containsParam(r.customerName), containsParam(r.customerDomain), containsParam(subscriptions.product)) : undefined,
  );
}

/** A subscription the partner sold (it is partner of record); any other id is "not found". */
export async function getSoldSubscriptionOrThrow(db: Db, member: Member, id: string) {
  ensurePermitted(member, "subscriptions.read");
  const [row] = await db
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.id, id), eq(subscriptions.partnerOfRecordId, member.organization.id)));
  if (!row) throw new DomainError("NOT_FOUND");
  return row;
}
