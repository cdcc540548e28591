import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { memberFor, withDb } from "./support/db";

const DAY = 86_400_000;
const LEFT_MS = 4_000;

/** A session signed in 30 days ago less a few seconds: the last seconds of its life. */
function lastSecondsOfSession(email: string): { cookie: string; token: string; expires: number } {
  return withDb((db) => {
    const northwind = (db.prepare("select id from organizations where primary_domain = 'northwindcloud.com'").get() as { id: string }).id;
    const userId = memberFor(db, northwind, email, ["account_admin"]);
    const token = randomBytes(32).toString("base64url");
    const expires = Date.now() + LEFT_MS;
    db.prepare("insert into sessions (session_token, user_id, expires, signed_in_at) values (?, ?, ?, ?)").run(
      token,
      userId,
      expires,
      expires - 30 * DAY,
    );
    return { cookie: `authjs.session-token=${token}`, token, expires };
  });
}

const storedExpiry = (token: string) =>
  withDb(
    (db) => (db.prepare("select expires from sessions where session_token = ?").get(token) as { expires: number } | undefined)?.expires,
  );

async function signedIn(request: APIRequestContext, cookie: string): Promise<boolean> {
  const res = await request.get("/partner", { headers: { cookie }, maxRedirects: 0 });
  return !/\/signin/.test(res.headers()["location"] ?? "");
}

test.describe("sessions", () => {
  test("a session ends 30 days after sign-in, however often /api/auth/session and pages are fetched", async ({ request }) => {
    const { cookie, token, expires } = lastSecondsOfSession("session-lifetime@northwindcloud.com");
    for (let i = 0; i < 3; i++) {
      for (const method of ["get", "post"] as const) {
        const res = await request[method]("/api/auth/session", { headers: { cookie } });
        expect(res.status()).toBe(200);
        expect(await res.json()).toEqual({
          user: { email: "session-lifetime@northwindcloud.com" },
          expires: new Date(expires).toISOString(),
        });
        // No cookie with a later expiry either: the browser's copy ends with the session.
        expect(res.headers()["set-cookie"] ?? "").not.toContain("session-token");
      }
      expect(await signedIn(request, cookie)).toBe(true);
      expect(storedExpiry(token)).toBe(expires);
    }

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expires - Date.now()) + 500));
    expect(await (await request.get("/api/auth/session", { headers: { cookie } })).json()).toBeNull();
    expect(await signedIn(request, cookie)).toBe(false);
  });
});
