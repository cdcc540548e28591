import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sessions, users } from "@/db/schema";
import { addUser, DAY, testContext } from "@/lib/testing/fixtures";
import { purgeExpiredSessions, sessionActor } from "./session";

describe("sessionActor (getActor's read of Auth.js's database session)", () => {
  const { db } = testContext().ctx;
  const now = new Date("2026-11-22T10:00:00Z");
  const alice = addUser(db, "alice@northwind.example");
  db.insert(sessions)
    .values({
      sessionToken: "live",
      userId: alice.userId,
      expires: new Date(now.getTime() + DAY),
      signedInAt: new Date(now.getTime() - 60_000),
    })
    .run();
  db.insert(sessions)
    .values({ sessionToken: "old", userId: alice.userId, expires: new Date(now.getTime() - 1) })
    .run();

  it("signs in the session's person while it lasts", () => {
    expect(sessionActor(db, "live", now)).toEqual({
      userId: alice.userId,
      email: "alice@northwind.example",
      signedInAt: new Date(now.getTime() - 60_000),
    });
    expect(sessionActor(db, "live", new Date(now.getTime() + DAY))).toBeUndefined();
  });

  it("signs in nobody for an expired, unknown or deleted session, or a deleted person", () => {
    expect(sessionActor(db, "old", now)).toBeUndefined();
    expect(sessionActor(db, "forged", now)).toBeUndefined();
    db.delete(sessions).where(eq(sessions.sessionToken, "live")).run();
    expect(sessionActor(db, "live", now)).toBeUndefined();
    db.insert(sessions)
      .values({ sessionToken: "again", userId: alice.userId, expires: new Date(now.getTime() + DAY) })
      .run();
    db.delete(users).where(eq(users.id, alice.userId)).run();
    expect(sessionActor(db, "again", now)).toBeUndefined();
  });

  it("the scheduled job's purge deletes expired sessions only", async () => {
    const bob = addUser(db, "bob@northwind.example");
    db.insert(sessions)
      .values({ sessionToken: "bob-live", userId: bob.userId, expires: new Date(now.getTime() + DAY) })
      .run();
    db.insert(sessions)
      .values({ sessionToken: "bob-old", userId: bob.userId, expires: new Date(now.getTime() - DAY) })
      .run();
    expect(await purgeExpiredSessions(db, now)).toBeGreaterThanOrEqual(1);
    const left = db
      .select({ token: sessions.sessionToken })
      .from(sessions)
      .all()
      .map((r) => r.token);
    expect(left).toContain("bob-live");
    expect(left).not.toContain("bob-old");
    expect(sessionActor(db, "bob-live", now)?.email).toBe("bob@northwind.example");
  });
});
