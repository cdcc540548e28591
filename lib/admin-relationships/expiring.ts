import { firstRow } from "@/db/query";
import "server-only";
import { and, asc, desc, eq, gt, gte, inArray, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { adminRelationships, organizations } from "@/db/schema";
import { holdsGlobalAdministrator } from "@/db/schema";
import { type Member, ensurePermitted } from "@/lib/auth/membership";
import { PAGE_SIZE, toPage } from "@/lib/pagination";
import { contains } from "@/lib/search";
import { IN_FORCE } from "./states";

const DAY = 86_400_000;
export const WINDOWS = ["1", "7", "30", "expired"] as const;
export type ExpiryWindow = (typeof WINDOWS)[number];

/** The condition behind each tile: ending within N days, or expired within the last year. */
function windowWhere(window: ExpiryWindow, now: Date) {
  if (window === "expired")
    return and(eq(adminRelationships.state, "expired"), gte(adminRelationships.endedAt, new Date(now.getTime() - 365 * DAY)));
  return and(
    inArray(adminRelationships.state, [...IN_FORCE]),
    gt(adminRelationships.endsAt, now),
    lte(adminRelationships.endsAt, new Date(now.getTime() + Number(window) * DAY)),
  );
}

export async function expiryCounts(db: Db, member: Member, now: Date) {
  ensurePermitted(member, "customers.read");
  const count = async (where: ReturnType<typeof and>) =>
    (
      await firstRow(
        db
          .select({ n: sql<number>`count(*)`.mapWith(Number) })
          .from(adminRelationships)
          .where(and(eq(adminRelationships.partnerId, member.organization.id), where)),
      )
    )?.n ?? 0;
  return {
    "1": await count(windowWhere("1", now)),
    "7": await count(windowWhere("7", now)),
    "30": await count(windowWhere("30", now)),
    expired: await count(windowWhere("expired", now)),
    globalAdmin: await count(and(inArray(adminRelationships.state, [...IN_FORCE]), holdsGlobalAdministrator(adminRelationships.roles))),
  };
}

/** One tile's list, in end-date order; `q` narrows it to a customer or relationship name containing it. */
export async function listExpiring(db: Db, member: Member, window: ExpiryWindow, opts: { page: number; now: Date; q?: string }) {
  ensurePermitted(member, "customers.read");
  const q = opts.q?.trim();
  const rows = await db
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
        eq(adminRelationships.partnerId, member.organization.id),
        windowWhere(window, opts.now),
        q ? or(contains(organizations.name, q), contains(adminRelationships.name, q)) : undefined,
      ),
    )
    .orderBy(
      ...(window === "expired"
        ? [desc(adminRelationships.endsAt), desc(adminRelationships.id)]
        : [asc(adminRelationships.endsAt), asc(adminRelationships.id)]),
    )
    .limit(PAGE_SIZE + 1)
    .offset((opts.page - 1) * PAGE_SIZE);
  return toPage(rows, opts.page);
}
