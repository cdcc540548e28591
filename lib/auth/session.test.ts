import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sessions, users } from "@/db/schema";
import { addUser, DAY, testContext } from "@/lib/testing/fixtures";
import { transactionalAdapter } from "./adapter";
import { purgeExpiredSessions, sessionActor } from "./session";

describe("sessionActor (getActor's read of Auth.js's database session)", async () => {
  const { db } = (await testContext()).ctx;
  const now = new Date("2026-11-22T10:00:00Z");
  const alice = await addUser(db, "alice@northwind.example");
  await db.insert(sessions).values({
    sessionToken: "live",
    userId: alice.userId,
    expires: new Date(now.getTime() + DAY),
    signedInAt: new Date(now.getTime() - 60_000),
  });
  await db.insert(sessions).values({ sessionToken: "old", userId: alice.userId, expires: new Date(now.getTime() - 1) });

  it("signs in the session's person while it lasts", async () => {
    expect(await sessionActor(db, "live", now)).toEqual({
      userId: alice.userId,
      email: "alice@northwind.example",
      signedInAt: new Date(now.getTime() - 60_000),
      expires: new Date(now.getTime() + DAY),
    });
    expect(await sessionActor(db, "live", new Date(now.getTime() + DAY))).toBeUndefined();
  });

  it("ends when it was set to at sign-in: Auth.js's daily update of the session (any path to the adapter) moves nothing", async () => {
    const carol = await addUser(db, "carol@northwind.example");
    const signedInAt = new Date(now.getTime() - 29 * DAY);
    const expires = new Date(signedInAt.getTime() + 30 * DAY);
    await db.insert(sessions).values({ sessionToken: "carol", userId: carol.userId, expires, signedInAt });
    // What @auth/core's session action calls once a day with a fresh 30 days.
    const adapter = transactionalAdapter(db);
    await adapter.updateSession!({ sessionToken: "carol", expires: new Date(now.getTime() + 30 * DAY) });
    expect((await sessionActor(db, "carol", now))?.expires).toEqual(expires);
    expect(await sessionActor(db, "carol", new Date(now.getTime() + 2 * DAY))).toBeUndefined();
  });

  it("signs in nobody for an expired, unknown or deleted session, or a deleted person", async () => {
    expect(await sessionActor(db, "old", now)).toBeUndefined();
    expect(await sessionActor(db, "forged", now)).toBeUndefined();
    await db.delete(sessions).where(eq(sessions.sessionToken, "live"));
    expect(await sessionActor(db, "live", now)).toBeUndefined();
    await db.insert(sessions).values({ sessionToken: "again", userId: alice.userId, expires: new Date(now.getTime() + DAY) });
    await db.delete(users).where(eq(users.id, alice.userId));
    expect(await sessionActor(db, "again", now)).toBeUndefined();
  });

  it("the scheduled job's purge deletes expired sessions only", async () => {
    const bob = await addUser(db, "bob@northwind.example");
    await db.insert(sessions).values({ sessionToken: "bob-live", userId: bob.userId, expires: new Date(now.getTime() + DAY) });
    await db.insert(sessions).values({ sessionToken: "bob-old", userId: bob.userId, expires: new Date(now.getTime() - DAY) });
    expect(await purgeExpiredSessions(db, now)).toBeGreaterThanOrEqual(1);
    const left = (await db.select({ token: sessions.sessionToken }).from(sessions)).map((r) => r.token);
    expect(left).toContain("bob-live");
    expect(left).not.toContain("bob-old");
    expect((await sessionActor(db, "bob-live", now))?.email).toBe("bob@northwind.example");
  });
});
