import { changedRows, firstRow } from "@/db/query";
import "server-only";
import { and, eq, gt, lte, sql } from "drizzle-orm";
import { cookies } from "next/headers";
import { cache } from "react";
import type { Db } from "@/db/client";
import { dialect } from "@/db/dialect";
import { prepared } from "@/db/prepared";
import { sessions, users } from "@/db/schema";
import { transaction } from "@/db/transaction";
import { db } from "@/lib/db";
import { isBuildPhase } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import type { Actor } from "./membership";
import { signedInRecently } from "./recent-sign-in";
import { sessionCookieName } from "./session-cookie";

/**
 * The signed-in person, or null. Cached per request.
 *
 * Reads Auth.js's database session itself, with one prepared query, instead of calling
 * `auth()`: that runs Auth.js's whole request cycle (a Request, its session action, a JSON
 * Response parsed back) on every page and action, 2 to 3 ms of a 10 ms page
 * (docs/performance.md). The rule is Auth.js's: the cookie names a session row that has not
 * expired. Unlike Auth.js, nothing pushes the expiry forward: a session ends 30 days after
 * sign-in however often it is used (lib/auth/adapter.ts; `/api/auth/session` answers from
 * here too). Signing in and out stay with Auth.js.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  // Pages rendered at build time (the static /about) have no visitor.
  if (isBuildPhase()) return null;
  const token = (await cookies()).get(sessionCookieName())?.value;
  return token ? ((await sessionActor(db(), token, new Date())) ?? null) : null;
});

/** The person a session token signs in, while the session lasts, and when it ends (fixed at sign-in: lib/auth/adapter.ts). */
export async function sessionActor(database: Db, token: string, now: Date): Promise<(Actor & { expires: Date }) | undefined> {
  return await firstRow(actorBySession(database).execute({ token, now: dialect.timeParam(now) }));
}

const actorBySession = (database: Db) =>
  prepared(database, "auth.actorBySession", (d) =>
    d
      .select({ userId: users.id, email: users.email, signedInAt: sessions.signedInAt, expires: sessions.expires })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      // Prepared WHERE values skip the column's conversion: the dialect gives the time as stored.
      .where(and(eq(sessions.sessionToken, sql.placeholder("token")), gt(sessions.expires, sql.placeholder("now"))))
      .prepare(),
  );

/**
 * Sessions past their expiry. Auth.js deleted one when its cookie came back; getActor only
 * refuses it, so the scheduled job clears them.
 */
export function purgeExpiredSessions(database: Db, now: Date): Promise<number> {
  return transaction(database, async (tx) => changedRows(await tx.delete(sessions).where(lte(sessions.expires, now))));
}

/** Who is looking and whether their sign-in is recent enough for the most powerful steps (lib/auth/recent-sign-in.ts). */
export async function signInFreshness(): Promise<{ email: string; recent: boolean }> {
  const actor = await requireActor();
  return { email: actor.email, recent: signedInRecently(actor, new Date()) };
}

export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new DomainError("UNAUTHENTICATED");
  return actor;
}
