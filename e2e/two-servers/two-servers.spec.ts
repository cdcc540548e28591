import { expect, test, type Browser, type Page } from "@playwright/test";
import type { CapturedMessage } from "../../lib/email/capture-server";
import { actionIds, postAction, type ActionResponse } from "../support/actions";
import { mailbox } from "../support/mail";
import { TWO_SERVERS } from "../support/ports";
import { closePool, count, execute, firstValue } from "../support/postgres";
import { newKeySecret } from "../../lib/api-keys/secret";
import { startReceiver } from "../../lib/testing/webhook-receiver";
import { newWebhookSecret } from "../../lib/webhooks/signature";

/*
 * Two app servers on one PostgreSQL database, behind a balancer that sends each request to
 * the other server (playwright.postgres.config.ts). Each server drains the outbox and runs
 * the scheduled job every second, so everything below that must happen once is contended
 * by both: an invitation's journey, 100 accepts at once, an SMTP outage, the expiry notices.
 */
const { signIn, waitForEmail, linkIn, mailCursor, followSignInLink, messagesTo, setSmtp } = mailbox(TWO_SERVERS);

const ALICE = "alice.admin@northwindcloud.com"; // Northwind Cloud Services: Account admin + Admin agent
const PARTNER = "Northwind Cloud Services";

const unique = (prefix: string) => `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

async function signedIn(browser: Browser, email: string, redirectTo = "/"): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, redirectTo);
  return page;
}

/** Alice invites an address from the partner UI; the link from the real email. */
async function invite(partner: Page, email: string): Promise<string> {
  const since = await mailCursor();
  await partner.goto("/partner");
  await partner.getByRole("link", { name: "Invite a customer" }).first().click();
  await partner.getByLabel("Customer admin’s email").fill(email);
  await partner.getByRole("button", { name: "Send invitation" }).click();
  await expect(partner.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  return linkIn(await waitForEmail(email, new RegExp(`${PARTNER} invites you`), since), "/invite/");
}

/** Every captured message so far, newest first. */
async function allMessages(): Promise<CapturedMessage[]> {
  return (await (await fetch(`${TWO_SERVERS.mailboxApi}/messages`)).json()) as CapturedMessage[];
}

/** Gives both servers' outbox workers and scheduled jobs several rounds in which to (wrongly) send something again. */
async function settle() {
  await new Promise((r) => setTimeout(r, 3_000));
}

test.afterAll(closePool);

test("the balancer alternates: consecutive requests are answered by the two servers in turn", async ({ request }) => {
  const servedBy: string[] = [];
  for (let i = 0; i < 4; i++) servedBy.push((await request.get("/signin")).headers()["x-served-by"]!);
  expect(new Set(servedBy)).toEqual(new Set(["1", "2"]));
  for (let i = 1; i < servedBy.length; i++) expect(servedBy[i]).not.toBe(servedBy[i - 1]);
});

test("the invitation journey across both servers: invite, sign in by the emailed link, accept; both sides see it, each email once", async ({
  browser,
}) => {
  const partner = await signedIn(browser, ALICE, "/partner");
  const email = `${unique("grace")}@two-servers.example`;
  const company = `Blue Yonder ${unique("pg")}`;
  const link = await invite(partner, email);

  const customer = await (await browser.newContext()).newPage();
  await customer.goto(link);
  await expect(customer.getByRole("heading", { name: `${PARTNER} invites you to work together` })).toBeVisible();
  await customer.getByRole("link", { name: `Sign in as ${email}` }).click();
  const beforeSignIn = await mailCursor();
  await customer.getByRole("button", { name: "Email me a sign-in link" }).click();
  await followSignInLink(customer, await waitForEmail(email, /sign-in link/i, beforeSignIn));
  await expect(customer.getByText(`You are signed in as ${email}.`)).toBeVisible();
  await customer.getByLabel("Company name").fill(company);
  await customer.getByLabel("Primary domain").fill(`${unique("newco")}.example`);
  await customer.getByLabel("Country").selectOption("US");
  await customer.getByLabel(/I have read the Customer Agreement/).check();
  await customer.getByRole("button", { name: "Accept" }).click();
  await expect(customer.getByRole("heading", { name: `You now work with ${PARTNER}` })).toBeVisible();
  await customer.getByRole("link", { name: "Open your organization’s dashboard" }).click();
  await expect(customer.getByRole("table", { name: "Your partners" }).getByText(PARTNER)).toBeVisible();

  await partner.goto("/partner");
  await partner.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Invitations" }).click();
  await expect(partner.getByTestId(`invitation-${email}`).getByText("Accepted")).toBeVisible();
  await partner.getByRole("link", { name: "Customers" }).first().click();
  await expect(partner.getByRole("link", { name: company })).toBeVisible();

  await waitForEmail(ALICE, new RegExp(`${company} accepted your invitation`));
  await settle();
  expect((await messagesTo(email)).filter((m) => /invites you/.test(m.subject))).toHaveLength(1);
  expect((await messagesTo(ALICE)).filter((m) => m.subject.includes(`${company} accepted your invitation`))).toHaveLength(1);
});

test("100 accepts of one invitation, half on each server: one relationship, one activity row, one email; 99 told it was used", async ({
  browser,
  playwright,
}) => {
  test.setTimeout(120_000);
  const partner = await signedIn(browser, ALICE, "/partner");
  const email = `${unique("racer")}@two-servers.example`;
  const token = new URL(await invite(partner, email)).pathname.split("/").pop()!;
  const racer = await signedIn(browser, email);
  const cookie = (await racer.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const stamp = unique("racer");
  const organizationsBefore = await count("select count(*) as n from organizations");

  const id = actionIds().get("acceptInvitationAction");
  expect(id, "acceptInvitationAction is in the build").toBeTruthy();
  // Fresh connections, sent together: the balancer gives every other one to the other server.
  const request = await playwright.request.newContext({ baseURL: TWO_SERVERS.baseUrl });
  const responses: ActionResponse[] = await Promise.all(
    Array.from({ length: 100 }, (_, i) =>
      postAction(
        request,
        id!,
        { token, target: "new", name: `${stamp}-${i}`, primaryDomain: `${stamp}-${i}.example`, country: "US", agreement: "on" },
        { cookie },
      ),
    ),
  ).finally(() => request.dispose());
  for (const r of responses) {
    expect(r.status, r.body.slice(0, 200)).toBe(200);
    expect(r.serverError, r.body.slice(0, 200)).toBe(false);
  }
  const won = (r: ActionResponse) => Boolean(r.redirect) || r.result?.ok === true;
  expect(responses.filter(won)).toHaveLength(1);
  expect(responses.filter((r) => !won(r)).map((r) => r.result?.code)).toEqual(Array(99).fill("INVITATION_USED"));

  const invitation = "(select id from invitations where email = $1)";
  expect(await count(`select count(*) as n from invitations where email = $1 and state = 'accepted'`, email)).toBe(1);
  expect(await count(`select count(*) as n from reseller_relationships where invitation_id = ${invitation}`, email)).toBe(1);
  expect((await count("select count(*) as n from organizations")) - organizationsBefore).toBe(1);
  expect(
    await count(`select count(*) as n from audit_events where action = 'invitation.accepted' and target_id = ${invitation}`, email),
  ).toBe(1);
  expect(
    await count(`select count(*) as n from email_outbox where kind = 'invitation.accepted' and related_id = ${invitation}`, email),
  ).toBe(1);
  await expect.poll(async () => (await allMessages()).filter((m) => m.subject.includes(stamp)).length, { timeout: 15_000 }).toBe(1);
  await settle();
  expect((await allMessages()).filter((m) => m.subject.includes(stamp))).toHaveLength(1);
});

test("SMTP down while both servers drain the outbox: the invitation is made, and its email arrives once when the server is back", async ({
  browser,
}) => {
  const partner = await signedIn(browser, ALICE, "/partner");
  const email = `${unique("outage")}@two-servers.example`;
  try {
    await setSmtp("down");
    await partner.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Invite a customer" }).click();
    await partner.getByLabel("Customer admin’s email").fill(email);
    await partner.getByRole("button", { name: "Send invitation" }).click();
    await expect(partner.getByText(`Invitation sent to ${email}.`)).toBeVisible();
    await partner.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Invitations" }).click();
    await partner.waitForURL(/\/invitations$/);
    const row = partner.getByTestId(`invitation-${email}`);
    await expect(async () => {
      await partner.reload();
      await expect(row.getByText("Email delayed")).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    expect(await messagesTo(email)).toHaveLength(0);
  } finally {
    await setSmtp("up");
  }
  await expect.poll(async () => (await messagesTo(email)).length, { timeout: 30_000, message: `the email to ${email}` }).toBe(1);
  await settle();
  expect(await messagesTo(email)).toHaveLength(1);
});

test("the scheduled job on both servers, every second: each expiry notice is sent once", async () => {
  // Seeded: "Adventure Works security" ends in 5 days; the job warned both sides when the servers started.
  await waitForEmail(ALICE, /Admin relationship “Adventure Works security” ends in 5 days/);
  // A clock moving forward: another relationship now ends in six and a half days, and cannot extend itself.
  const since = await mailCursor();
  const moved = await execute(
    "update admin_relationships set ends_at = now() + interval '6 days 12 hours', auto_extend = false where name = $1",
    "Adventure Works helpdesk",
  );
  expect(moved).toBe(1);
  const notice = (m: CapturedMessage) => m.id > since && m.subject.includes("“Adventure Works helpdesk” ends in 7 days");
  await expect.poll(async () => (await allMessages()).filter(notice).length, { timeout: 15_000 }).toBeGreaterThan(0);
  // Several ticks of each server later, nobody has it twice.
  await settle();
  const notices = (await allMessages()).filter(notice).flatMap((m) => m.to);
  expect(notices.length).toBeGreaterThan(0);
  expect(new Set(notices).size).toBe(notices.length);
  const seeded = (await allMessages()).filter((m) => m.subject.includes("“Adventure Works security” ends in 5 days")).flatMap((m) => m.to);
  expect(new Set(seeded).size).toBe(seeded.length);
  expect(await count("select count(*) as n from job_leases where name = 'scheduled-jobs'")).toBe(1);
});

test("webhooks: events queued on both servers are delivered once each, retries included, whichever server claims them", async ({
  request,
}) => {
  test.setTimeout(90_000);
  // Every delivery's first attempt fails: its retry (5 s later) is up for grabs by either server.
  const attempts = new Map<string, number>();
  const receiver = await startReceiver((_n, r) => {
    const id = r.headers["webhook-id"]!;
    attempts.set(id, (attempts.get(id) ?? 0) + 1);
    return { status: attempts.get(id) === 1 ? 503 : 204 };
  });
  try {
    const partnerId = await firstValue("select id from organizations where name = $1", PARTNER);
    const makerId = await firstValue("select id from users where email = $1", ALICE);
    const endpointId = unique("whe");
    await execute(
      "insert into webhook_endpoints (id, organization_id, url, event_types, secret, created_by_user_id, created_at, updated_at) values ($1, $2, $3, '[\"invitation-sent\"]'::jsonb, $4, $5, now(), now())",
      endpointId,
      partnerId,
      receiver.url,
      newWebhookSecret(),
      makerId,
    );
    const key = newKeySecret();
    await execute(
      "insert into api_keys (id, organization_id, name, prefix, secret_hash, scopes, created_by_user_id, created_at, expires_at) values ($1, $2, 'Two servers', $3, $4, '[\"webhooks.manage\"]'::jsonb, $5, now(), now() + interval '1 day')",
      unique("key"),
      partnerId,
      key.prefix,
      key.hash,
      makerId,
    );
    const events = 20;
    const served = await Promise.all(
      Array.from({ length: events }, async () => {
        const res = await request.post(`/api/v1/webhook-endpoints/${endpointId}/test`, {
          headers: { authorization: `Bearer ${key.secret}` },
        });
        expect(res.status()).toBe(202);
        return res.headers()["x-served-by"];
      }),
    );
    expect(new Set(served)).toEqual(new Set(["1", "2"]));
    await expect.poll(() => [...attempts.values()].filter((n) => n >= 2).length, { timeout: 45_000 }).toBe(events);
    await settle();
    expect(attempts.size).toBe(events);
    // Each delivery: one failed attempt and one that arrived, never a third.
    expect([...attempts.values()].every((n) => n === 2)).toBe(true);
    expect(
      await count(
        "select count(*) as n from webhook_deliveries where endpoint_id = $1 and state = 'delivered' and attempts = 2",
        endpointId,
      ),
    ).toBe(events);
  } finally {
    await receiver.close();
  }
});
