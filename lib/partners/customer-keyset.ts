import "server-only";
import { and, eq, gt, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { dialect } from "@/db/dialect";
import { prepared } from "@/db/prepared";
import { organizations, resellerRelationships } from "@/db/schema";
import { ensurePermitted, type Member } from "@/lib/auth/membership";
import { containsParam, containsPattern } from "@/lib/search";
import { customerOrder, type CustomerSort } from "./queries";

/** Where a page ends: its last row's sort key (a time in ms, or a name) and id. */
export type CustomerKey = [number | string, string];

/**
 * The partner's customers a page at a time by keyset, for the API: each page starts right
 * after the last row of the previous one on the same indexes the customer list walks
 * ((partner, created_at, id) or (partner, customer_name, id)), so page 200 costs what page 1
 * does, and rows added meanwhile neither repeat nor go missing.
 */
export async function customersAfter(
  db: Db,
  member: Member,
  o: { sort: CustomerSort; q?: string; after: CustomerKey | null; limit: number },
) {
  ensurePermitted(member, "customers.read");
  const term = o.q?.trim() ?? "";
  const byName = o.sort === "name" || o.sort === "name_desc";
  const after = o.after && (byName ? typeof o.after[0] === "string" : typeof o.after[0] === "number") ? o.after : null;
  const rows = await customerKeysetPage(db, o.sort, term !== "", after !== null).execute({
    partnerId: member.organization.id,
    pattern: containsPattern(term),
    // Prepared WHERE values skip the column's conversion: the dialect gives the time as stored.
    afterKey: after ? (byName ? after[0] : dialect.timeParam(new Date(after[0] as number))) : null,
    afterId: after?.[1] ?? null,
    limit: o.limit + 1,
  });
  const page = rows.slice(0, o.limit);
  const last = page.at(-1);
  const next: CustomerKey | null = rows.length > o.limit && last ? [byName ? last.name : last.since.getTime(), last.relationshipId] : null;
  return { rows: page, next };
}

const customerKeysetPage = (db: Db, sort: CustomerSort, searching: boolean, paging: boolean) =>
  prepared(db, `partners.customerKeyset.${sort}.${searching}.${paging}`, (d) => {
    const r = resellerRelationships;
    return d
      .select({
        id: organizations.id,
        name: r.customerName,
        primaryDomain: r.customerDomain,
        country: organizations.country,
        cloud: organizations.cloud,
        relationshipId: r.id,
        state: r.state,
        since: r.createdAt,
      })
      .from(r)
      .innerJoin(organizations, eq(organizations.id, r.customerId))
      .where(
        and(
          eq(r.partnerId, sql.placeholder("partnerId")),
          searching ? or(containsParam(r.customerName), containsParam(r.customerDomain)) : undefined,
          paging ? afterKey(sort) : undefined,
        ),
      )
      .orderBy(...customerOrder(sort))
      .limit(sql.placeholder("limit"))
      .prepare();
  });

function afterKey(sort: CustomerSort): SQL | undefined {
  const r = resellerRelationships;
  const key = sql.placeholder("afterKey");
  const id = sql.placeholder("afterId");
  switch (sort) {
    case "oldest":
      return or(gt(r.createdAt, key), and(eq(r.createdAt, key), gt(r.id, id)));
    case "name":
      return or(gt(r.customerName, key), and(eq(r.customerName, key), gt(r.id, id)));
    case "name_desc":
      return or(lt(r.customerName, key), and(eq(r.customerName, key), lt(r.id, id)));
    default:
      return or(lt(r.createdAt, key), and(eq(r.createdAt, key), lt(r.id, id)));
  }
}
