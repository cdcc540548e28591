import { expect, test, type Page } from "@playwright/test";
import { withDb } from "./support/db";
import { mailCursor, messagesTo, signIn } from "./support/mail";

/*
 * The abuse limits over HTTP. Each test comes from its own client address (X-Forwarded-For:
 * the test mode trusts one proxy, which the tests play, so the rightmost entry is the client) and arranges its counter in SQLite a few
 * attempts short of the limit, as earlier requests would have left it; the last attempts
 * are real requests. A window about to end is waited out first, so the test's requests
 * all fall in the window it arranged.
 */
async function arrangeCounter(key: string, count: number, windowMs: number) {
  const left = windowMs - (Date.now() % windowMs);
  if (left < 15_000) await new Promise((r) => setTimeout(r, left + 100));
  const start = Math.floor(Date.now() / windowMs) * windowMs;
  withDb((db) =>
    db
      .prepare(
        "insert into rate_limits (key, window_start, count) values (?, ?, ?) on conflict (key, window_start) do update set count = excluded.count",
      )
      .run(key, start, count),
  );
}

const MINUTE = 60_000;
const DAY = 86_400_000;
// The end-to-end server's limits (scripts/serve.ts runs the test mode's defaults, lib/env.ts).
const TEST_MODE_PER_MINUTE = 1000;
const INVITATIONS_PER_DAY = 50;

async function fromAddress(page: Page, ip: string) {
  await page.context().setExtraHTTPHeaders({ "x-forwarded-for": ip });
}

const someAddress = () => `198.51.100.${1 + Math.floor(Math.random() * 250)}`;
const tryAgain = /Too many attempts\. Try again after .+ UTC on /;

test.describe("abuse limits", () => {
  test("guessing emailed links: past the limit an address is told when to try again, and nothing is looked up", async ({
    page,
    browser,
  }) => {
    const ip = someAddress();
    await fromAddress(page, ip);
    await arrangeCounter(`token-failures:${ip}`, TEST_MODE_PER_MINUTE - 2, MINUTE);

    for (const guess of ["guess-1", "guess-2"]) {
      await page.goto(`/invite/${guess}`);
      await expect(page.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
      await expect(page.getByText(tryAgain)).toHaveCount(0);
    }
    for (const path of ["/invite/guess-3", "/join/guess-4", "/partnership/guess-5"]) {
      await page.goto(path);
      await expect(page.getByText(tryAgain)).toBeVisible();
    }

    // Another address is not held back by this one's guesses.
    const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": someAddress().replace("198.51.100", "203.0.113") } });
    const otherPage = await other.newPage();
    await otherPage.goto("/invite/guess-6");
    await expect(otherPage.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
    await expect(otherPage.getByText(tryAgain)).toHaveCount(0);
    await other.close();
  });

  test("sign-in links: past the limit the form says when to try again and sends nothing", async ({ page }) => {
    const ip = someAddress();
    await fromAddress(page, ip);
    await arrangeCounter(`sign-in:${ip}`, TEST_MODE_PER_MINUTE - 1, MINUTE);

    await page.goto("/signin?email=olivia.it%40adventure-works.com");
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

    const since = await mailCursor();
    await page.goto("/signin?email=olivia.it%40adventure-works.com");
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByText(tryAgain)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Check your email" })).toHaveCount(0);
    await new Promise((r) => setTimeout(r, 1_500)); // the outbox would have sent it by now
    expect((await messagesTo("olivia.it@adventure-works.com")).filter((m) => m.id > since)).toHaveLength(0);
  });

  test("a client cannot choose its address: entries it writes into X-Forwarded-For itself are not believed", async ({ request }) => {
    const ip = someAddress();
    await arrangeCounter(`token-failures:${ip}`, TEST_MODE_PER_MINUTE, MINUTE);
    // The client writes a fresh address each time; the proxy (trusted, one hop) appends the real one.
    for (let i = 0; i < 3; i++) {
      const spoofed = `192.0.2.${1 + Math.floor(Math.random() * 250)}`;
      const res = await request.get(`/invite/guess-${i}`, { headers: { "x-forwarded-for": `${spoofed}, ${ip}`, "x-real-ip": spoofed } });
      expect(await res.text()).toMatch(tryAgain);
    }
  });

  test("Auth.js's own sign-in endpoint checks what the form checks: one address, the per-client and the per-address limits", async ({
    request,
  }) => {
    const ip = someAddress();
    const headers = { "x-forwarded-for": ip };
    // A valid CSRF token and its cookie, as a script would fetch them: the checks must hold anyway.
    const post = async (email: string) => {
      const { csrfToken } = (await (await request.get("/api/auth/csrf", { headers })).json()) as { csrfToken: string };
      return request.post("/api/auth/signin/nodemailer", { headers, form: { email, csrfToken, callbackUrl: "/" }, maxRedirects: 0 });
    };
    const refused = (res: Awaited<ReturnType<typeof post>>) =>
      res.status() === 303 && (res.headers()["location"] ?? "").includes("/signin/error");
    const since = await mailCursor();
    const victim = `victim-${Date.now()}@adventure-works.com`;

    // A list of addresses is not an address: nodemailer never sees it.
    expect(refused(await post(`${victim},attacker@evil.example`))).toBe(true);
    // One address passes.
    expect(refused(await post(victim))).toBe(false);
    // The per-address limit (a victim's inbox cannot be flooded) and the per-client limit hold here too.
    await arrangeCounter(`sign-in-address:${victim}`, TEST_MODE_PER_MINUTE, 15 * MINUTE);
    expect(refused(await post(victim))).toBe(true);
    await arrangeCounter(`sign-in:${ip}`, TEST_MODE_PER_MINUTE, MINUTE);
    expect(refused(await post(`other-${victim}`))).toBe(true);

    await new Promise((r) => setTimeout(r, 1_500)); // the outbox would have sent them by now
    expect((await messagesTo(victim)).filter((m) => m.id > since)).toHaveLength(1);
    expect((await messagesTo("attacker@evil.example")).filter((m) => m.id > since)).toHaveLength(0);
    expect((await messagesTo(`other-${victim}`)).filter((m) => m.id > since)).toHaveLength(0);
  });

  test("limits count variants of their key as one: sub-addresses and case of a mailbox, the neighbours in an IPv6 /64", async ({
    request,
  }) => {
    const headersFrom = (ip: string) => ({ "x-forwarded-for": ip });
    const post = async (email: string, ip: string) => {
      const headers = headersFrom(ip);
      const { csrfToken } = (await (await request.get("/api/auth/csrf", { headers })).json()) as { csrfToken: string };
      return request.post("/api/auth/signin/nodemailer", { headers, form: { email, csrfToken, callbackUrl: "/" }, maxRedirects: 0 });
    };
    const refused = (res: Awaited<ReturnType<typeof post>>) =>
      res.status() === 303 && (res.headers()["location"] ?? "").includes("/signin/error");
    const since = await mailCursor();

    // One mailbox: its sub-addresses and another case reach the same inbox, and are held back with it.
    const stamp = Date.now();
    const victim = `victim-${stamp}@adventure-works.com`;
    await arrangeCounter(`sign-in-address:${victim}`, TEST_MODE_PER_MINUTE, 15 * MINUTE);
    const variants = [
      `victim-${stamp}+1@adventure-works.com`,
      `victim-${stamp}+2@adventure-works.com`,
      `VICTIM-${stamp}+x@Adventure-Works.com`,
    ];
    for (const variant of variants) expect(refused(await post(variant, someAddress())), variant).toBe(true);

    // One IPv6 network: every address of its /64 is the same client; the next /64 is another.
    const net = `2001:db8:${(stamp % 0xffff).toString(16)}:7`;
    await arrangeCounter(`sign-in:${net}::/64`, TEST_MODE_PER_MINUTE, MINUTE);
    for (const neighbour of [`${net}::1`, `${net}::2`, `${net}:ffff:1:2:3`])
      expect(refused(await post(`other-${stamp}@adventure-works.com`, neighbour)), neighbour).toBe(true);
    expect(refused(await post(`other-${stamp}@adventure-works.com`, `2001:db8:${(stamp % 0xffff).toString(16)}:8::1`))).toBe(false);

    await new Promise((r) => setTimeout(r, 1_500)); // the outbox would have sent them by now
    for (const to of [victim, ...variants.slice(0, 2)]) expect((await messagesTo(to)).filter((m) => m.id > since)).toHaveLength(0);
  });

  test("invitations per partner per day: the 51st is refused with the time to try again, and nothing is created", async ({ page }) => {
    await signIn(page, "maria.admin@fabrikam-experts.com", "/partner");
    const partnerId = new URL(page.url()).pathname.split("/")[2];
    expect(partnerId, "the partner's dashboard URL names it").toMatch(/^org_/);
    await arrangeCounter(`invitations:${partnerId}`, INVITATIONS_PER_DAY - 1, DAY);
    const invitations = () =>
      withDb((db) => (db.prepare("select count(*) as n from invitations where partner_id = ?").get(partnerId) as { n: number }).n);
    const before = invitations();

    const invite = async (email: string) => {
      await page.goto(`/partner/${partnerId}/invitations/new`);
      await page.getByLabel("Customer admin’s email").fill(email);
      await page.getByRole("button", { name: "Send invitation" }).click();
    };
    await invite(`fiftieth-${Date.now()}@fabrikam.example`);
    await expect(page.getByText(/Invitation sent to fiftieth-/)).toBeVisible();
    expect(invitations()).toBe(before + 1);

    await invite(`fifty-first-${Date.now()}@fabrikam.example`);
    await expect(page.getByText(tryAgain)).toBeVisible();
    expect(invitations()).toBe(before + 1);
  });
});
