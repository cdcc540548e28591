import { firstRow } from "@/db/query";
import "server-only";
import { and, asc, desc, eq, gt, gte, inArray, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { dialect } from "@/db/dialect";
import { prepared } from "@/db/prepared";
import { adminRelationships, organizations } from "@/db/schema";
import { holdsGlobalAdministrator } from "@/db/schema";
import { type Member, ensurePermitted } from "@/lib/auth/membership";
import { PAGE_SIZE, toPage } from "@/lib/pagination";
import { containsParam, containsPattern } from "@/lib/search";
import { IN_FORCE } from "./states";

const DAY = 86_400_000;
export const WINDOWS = ["1", "7", "30", "expired"] as const;
export type ExpiryWindow = (typeof WINDOWS)[number];

/**
 * The condition behind each tile: ending within N days, or expired within the last year.
 * Times are the placeholders `now`, `until` and `since` (timesFor); the queries are prepared,
 * one per tile: the page runs six of them on every request, and building and preparing them
 * took about half a millisecond of it (docs/performance.md, 2026-12-03).
 */
function windowWhere(window: ExpiryWindow) {
  const r = adminRelationships;
  if (window === "expired") return and(eq(r.state, "expired"), gte(r.endedAt, sql.placeholder("since")));
  return and(inArray(r.state, [...IN_FORCE]), gt(r.endsAt, sql.placeholder("now")), lte(r.endsAt, sql.placeholder("until")));
}

/** The placeholders' values for a tile at `now`, as the dialect stores times (the Global Administrator tile uses none). */
function timesFor(tile: ExpiryWindow | "globalAdmin", now: Date) {
  const days = tile === "expired" || tile === "globalAdmin" ? 0 : Number(tile);
  return {
    now: dialect.timeParam(now),
    until: dialect.timeParam(new Date(now.getTime() + days * DAY)),
    since: dialect.timeParam(new Date(now.getTime() - 365 * DAY)),
  };
}

const tileCount = (db: Db, tile: ExpiryWindow | "globalAdmin") =>
  prepared(db, `expiring.count.${tile}`, (d) =>
    d
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(adminRelationships)
      .where(
        and(
          eq(adminRelationships.partnerId, sql.placeholder("partnerId")),
          tile === "globalAdmin"
            ? and(inArray(adminRelationships.state, [...IN_FORCE]), holdsGlobalAdministrator(adminRelationships.roles))
            : windowWhere(tile),
        ),
      )
      .prepare(),
  );

export async function expiryCounts(db: Db, member: Member, now: Date) {
  ensurePermitted(member, "customers.read");
  const partnerId = member.organization.id;
  const count = async (tile: ExpiryWindow | "globalAdmin") =>
    (await firstRow(tileCount(db, tile).execute({ partnerId, ...timesFor(tile, now) })))?.n ?? 0;
  return {
    "1": await count("1"),
    "7": await count("7"),
    "30": await count("30"),
    expired: await count("expired"),
    globalAdmin: await count("globalAdmin"),
  };
}

const tilePage = (db: Db, window: ExpiryWindow, searching: boolean) =>
  prepared(db, `expiring.list.${window}.${searching}`, (d) =>
    d
      .select({
        id: adminRelationships.id,
        name: adminRelationships.name,
        roles: adminRelationships.roles,
        state: adminRelationships.state,
        endsAt: adminRelationships.endsAt,
        customerId: organizations.id,
        customerName: organizations.name,
      })
      .from(adminRelationships)
      .innerJoin(organizations, eq(organizations.id, adminRelationships.customerId))
      .where(
        and(
          eq(adminRelationships.partnerId, sql.placeholder("partnerId")),
          windowWhere(window),
          searching ? or(containsParam(organizations.name), containsParam(adminRelationships.name)) : undefined,
        ),
      )
      .orderBy(
        ...(window === "expired"
          ? [desc(adminRelationships.endsAt), desc(adminRelationships.id)]
          : [asc(adminRelationships.endsAt), asc(adminRelationships.id)]),
      )
      .limit(sql.placeholder("limit"))
      .offset(sql.placeholder("offset"))
      .prepare(),
  );

/** One tile's list, in end-date order; `q` narrows it to a customer or relationship name containing it. */
export async function listExpiring(db: Db, member: Member, window: ExpiryWindow, opts: { page: number; now: Date; q?: string }) {
  ensurePermitted(member, "customers.read");
  const q = opts.q?.trim() ?? "";
  const rows = await tilePage(db, window, q !== "").execute({
    partnerId: member.organization.id,
    ...timesFor(window, opts.now),
    pattern: containsPattern(q),
    limit: PAGE_SIZE + 1,
    offset: (opts.page - 1) * PAGE_SIZE,
  });
  return toPage(rows, opts.page);
}
