import { createHash } from "node:crypto";
import { and, eq, lte, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { transaction } from "@/db/transaction";
import { apiIdempotencyKeys } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { DomainError } from "@/lib/errors";

/** How long a key's answer is kept: a script retrying within a day gets the first answer. */
export const IDEMPOTENCY_TTL_MS = 86_400_000;

const VALID_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * Runs a POST once per Idempotency-Key (per API key). The key is claimed as "pending" first,
 * so a second request with it while the first runs is refused (409) rather than run again; a
 * success is kept, and a repeat with the same method, path and body gets it back
 * (`Idempotent-Replayed: true`) without running anything; the same key with another request is
 * 422. A refusal or a failure is not kept: running it again changes nothing either.
 */
export async function idempotent(ctx: ServiceContext, apiKeyId: string, request: Request, run: () => Promise<Response>): Promise<Response> {
  const key = request.headers.get("idempotency-key");
  if (key === null) return await run();
  if (!VALID_KEY.test(key)) throw new DomainError("VALIDATION", {}, { "Idempotency-Key": ["idempotencyKey"] });
  const url = new URL(request.url);
  const requestHash = createHash("sha256")
    .update(`${request.method} ${url.pathname}\n${await request.clone().text()}`)
    .digest("base64url");
  const now = ctx.now();
  const where = and(eq(apiIdempotencyKeys.apiKeyId, apiKeyId), eq(apiIdempotencyKeys.key, key));
  // Writes go through transaction(): on SQLite it is the one writer connection. The claim is its own
  // short transaction, committed before the request runs, so a second request sees it.
  const claimed = await transaction(ctx.db, async (tx) => {
    await tx.delete(apiIdempotencyKeys).where(and(where, lte(apiIdempotencyKeys.expiresAt, now)));
    return await tx
      .insert(apiIdempotencyKeys)
      .values({ apiKeyId, key, requestHash, state: "pending", createdAt: now, expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS) })
      .onConflictDoNothing()
      .returning({ key: apiIdempotencyKeys.key });
  });
  if (claimed.length === 0) {
    const [first] = await ctx.db.select().from(apiIdempotencyKeys).where(where);
    if (!first) return await idempotent(ctx, apiKeyId, request, run);
    if (first.requestHash !== requestHash) throw new DomainError("IDEMPOTENCY_KEY_REUSED");
    if (first.state === "pending") throw new DomainError("IDEMPOTENCY_IN_PROGRESS");
    return new Response(first.body, {
      status: first.status!,
      headers: {
        "content-type": "application/json",
        "idempotent-replayed": "true",
        ...(first.location ? { location: first.location } : {}),
      },
    });
  }
  let response: Response;
  try {
    response = await run();
  } catch (error) {
    await forget(ctx.db, where);
    throw error;
  }
  if (response.status >= 200 && response.status < 300) {
    const answer = {
      state: "done" as const,
      status: response.status,
      body: await response.clone().text(),
      location: response.headers.get("location"),
    };
    await transaction(ctx.db, async (tx) => await tx.update(apiIdempotencyKeys).set(answer).where(where));
  } else {
    await forget(ctx.db, where);
  }
  return response;
}

const forget = async (db: Db, where: SQL | undefined) =>
  await transaction(db, async (tx) => await tx.delete(apiIdempotencyKeys).where(where));

/** Forgets answers older than a day (the scheduled job). */
export async function purgeExpiredIdempotencyKeys(db: Db, now: Date): Promise<void> {
  await transaction(db, async (tx) => await tx.delete(apiIdempotencyKeys).where(lte(apiIdempotencyKeys.expiresAt, now)));
}
