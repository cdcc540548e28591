import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { prepared } from "@/db/prepared";
import { rateLimits } from "@/db/schema";
import type { Tx } from "@/db/transaction";
import { DomainError } from "@/lib/errors";

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/**
 * Counts one attempt against `key` in the current fixed window and refuses it once `limit`
 * is passed, with the time the window ends ("try again at"). One upsert, so concurrent
 * attempts count exactly; run it inside the write's transaction and a refused or failed
 * write takes its count back with it.
 */
export function consume(db: Db | Tx, p: { key: string; limit: number; windowMs: number; now: Date }): void {
  const windowStart = Math.floor(p.now.getTime() / p.windowMs) * p.windowMs;
  // An upsert with RETURNING always returns its row.
  const { count } = countAttempt(db).get({ key: p.key, windowStart })!;
  if (count > p.limit) throw new DomainError("RATE_LIMITED", { at: new Date(windowStart + p.windowMs).toISOString() });
}

// Every invitation sent and every sign-in passes here: prepared once per connection (db/prepared.ts).
const countAttempt = (db: Db | Tx) =>
  prepared(db, "rateLimits.count", (d) =>
    d
      .insert(rateLimits)
      .values({ key: sql.placeholder("key"), windowStart: sql.placeholder("windowStart"), count: 1 })
      .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: sql`${rateLimits.count} + 1` } })
      .returning({ count: rateLimits.count })
      .prepare(),
  );

/** Counters of windows that ended more than a day ago are of no further use. */
export function purgeOldRateLimits(db: Db, now: Date): number {
  return db
    .delete(rateLimits)
    .where(sql`${rateLimits.windowStart} < ${now.getTime() - 2 * DAY}`)
    .run().changes;
}

/** When the key's current window ends if it is already over the limit, else null (counts nothing). */
export function blockedUntil(db: Db, p: { key: string; limit: number; windowMs: number; now: Date }): Date | null {
  const windowStart = Math.floor(p.now.getTime() / p.windowMs) * p.windowMs;
  const row = db
    .select({ count: rateLimits.count })
    .from(rateLimits)
    .where(sql`${rateLimits.key} = ${p.key} and ${rateLimits.windowStart} = ${windowStart}`)
    .get();
  return row && row.count >= p.limit ? new Date(windowStart + p.windowMs) : null;
}
