import { changedRows, firstRow } from "@/db/query";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { prepared } from "@/db/prepared";
import { rateLimits } from "@/db/schema";
import { transaction, type Tx } from "@/db/transaction";
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
export async function consume(tx: Tx, p: Limit): Promise<void> {
  refuseOver(p, await count(tx, p));
}

/**
 * The same for an attempt that is no service's write (a sign-in request, a guessed link):
 * counted in a transaction of its own, which commits even when the attempt is refused, so
 * every attempt past the limit counts too.
 */
export async function consumeAlone(db: Db, p: Limit): Promise<void> {
  refuseOver(p, await transaction(db, async (tx) => await count(tx, p)));
}

/**
 * consumeAlone for answers that say how much is left (the API's RateLimit headers): the
 * attempt is counted and committed whatever the answer, and the caller decides on the count.
 */
export async function countAlone(db: Db, p: Limit): Promise<{ used: number; resetAt: Date }> {
  const used = await transaction(db, async (tx) => await count(tx, p));
  return { used, resetAt: new Date(windowOf(p) + p.windowMs) };
}

type Limit = { key: string; limit: number; windowMs: number; now: Date };
const windowOf = (p: Limit) => Math.floor(p.now.getTime() / p.windowMs) * p.windowMs;
// An upsert with RETURNING always returns its row.
const count = async (tx: Tx, p: Limit) => (await firstRow(countAttempt(tx).execute({ key: p.key, windowStart: windowOf(p) })))!.count;

function refuseOver(p: Limit, n: number) {
  if (n > p.limit) throw new DomainError("RATE_LIMITED", { at: new Date(windowOf(p) + p.windowMs).toISOString() });
}

// Every invitation sent and every sign-in passes here: prepared once per connection (db/prepared.ts).
const countAttempt = (tx: Tx) =>
  prepared(tx, "rateLimits.count", (d) =>
    d
      .insert(rateLimits)
      .values({ key: sql.placeholder("key"), windowStart: sql.placeholder("windowStart"), count: 1 })
      .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: sql`${rateLimits.count} + 1` } })
      .returning({ count: rateLimits.count })
      .prepare(),
  );

/** Counters of windows that ended more than a day ago are of no further use. */
export function purgeOldRateLimits(db: Db, now: Date): Promise<number> {
  return transaction(db, async (tx) =>
    changedRows(await tx.delete(rateLimits).where(sql`${rateLimits.windowStart} < ${now.getTime() - 2 * DAY}`)),
  );
}

/** When the key's current window ends if it is already over the limit, else null (counts nothing). */
export async function blockedUntil(db: Db, p: { key: string; limit: number; windowMs: number; now: Date }): Promise<Date | null> {
  const windowStart = Math.floor(p.now.getTime() / p.windowMs) * p.windowMs;
  const row = await firstRow(
    db
      .select({ count: rateLimits.count })
      .from(rateLimits)
      .where(sql`${rateLimits.key} = ${p.key} and ${rateLimits.windowStart} = ${windowStart}`),
  );
  return row && row.count >= p.limit ? new Date(windowStart + p.windowMs) : null;
}
