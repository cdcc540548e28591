import { expect, test } from "@playwright/test";
import { withDb } from "./support/db";
import { linkIn, mailCursor, waitForEmail } from "./support/mail";

const EMAIL = "bill.billing@northwindcloud.com";

const sessionsOf = (email: string) =>
  withDb(
    (db) =>
      (db.prepare("select count(*) as n from sessions s join users u on u.id = s.user_id where u.email = ?").get(email) as { n: number }).n,
  );

test.describe("sign-in links", () => {
  test("a mail scanner fetching the emailed link signs nobody in and leaves the link working", async ({ page, request }) => {
    const since = await mailCursor();
    await page.goto(`/signin?${new URLSearchParams({ email: EMAIL, redirectTo: "/partner" })}`);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    const message = await waitForEmail(EMAIL, /sign-in link/i, since);
    const link = linkIn(message, "/signin/continue");
    const before = sessionsOf(EMAIL);

    // What a scanner does: GET the link (following redirects), without pressing anything.
    const scanned = await request.get(link);
    expect(scanned.status()).toBe(200);
    expect(await scanned.text()).toContain("Finish signing in");
    expect(sessionsOf(EMAIL)).toBe(before);

    // The person then opens the same link, presses the button, and is signed in.
    await page.goto(link);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("banner").getByText(EMAIL)).toBeVisible();
    expect(sessionsOf(EMAIL)).toBe(before + 1);
  });

  test("login CSRF: the link's callback completes only by a POST with this browser's CSRF token", async ({ page, request, browser }) => {
    const since = await mailCursor();
    await page.goto(`/signin?${new URLSearchParams({ email: EMAIL, redirectTo: "/partner" })}`);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    const link = new URL(linkIn(await waitForEmail(EMAIL, /sign-in link/i, since), "/signin/continue"));
    const values = Object.fromEntries(link.searchParams);
    const before = sessionsOf(EMAIL);

    // What an attacker sends a victim: the callback by GET, with the attacker's own link. It only shows the page that asks.
    const byGet = await request.get(`/api/auth/callback/nodemailer${link.search}`, { maxRedirects: 0 });
    expect(byGet.status()).toBe(303);
    const shown = new URL(byGet.headers()["location"] ?? "", link);
    expect(shown.pathname).toBe("/signin/continue");
    expect(Object.fromEntries(shown.searchParams)).toEqual(values);
    // A POST from another site: no token, a made-up one, or a real token of another browser.
    const elsewhere = await browser.newContext();
    const { csrfToken: othersToken } = (await (await elsewhere.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    for (const csrfToken of [undefined, "forged", othersToken]) {
      const res = await request.post("/api/auth/callback/nodemailer", {
        form: { ...values, ...(csrfToken ? { csrfToken } : {}) },
        maxRedirects: 0,
      });
      expect(res.status()).toBe(303);
      expect(res.headers()["location"]).toBe("/signin/error?error=ExpiredPage");
    }
    await elsewhere.close();
    expect(sessionsOf(EMAIL)).toBe(before);

    // The page's own press carries this browser's token, and the link still works.
    await page.goto(link.toString());
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("banner").getByText(EMAIL)).toBeVisible();
    expect(sessionsOf(EMAIL)).toBe(before + 1);
  });
});
