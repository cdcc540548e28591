import { expect, test } from "@playwright/test";
import { withDb } from "./support/db";
import { linkIn, mailCursor, waitForEmail } from "./support/mail";

const EMAIL = "bill.billing@northwindcloud.com";

const sessionsOf = (email: string) =>
  withDb((db) => (db.prepare("select count(*) as n from sessions s join users u on u.id = s.user_id where u.email = ?").get(email) as { n: number }).n);

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
    await expect(page.getByText(EMAIL)).toBeVisible();
    expect(sessionsOf(EMAIL)).toBe(before + 1);
  });
});
