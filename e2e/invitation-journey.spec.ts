import { expect, test, type Browser, type Page } from "@playwright/test";
import { withDb } from "./support/db";
import { followSignInLink, linkIn, mailCursor, signIn, waitForEmail } from "./support/mail";

const ALICE = "alice.admin@northwindcloud.com"; // Northwind Cloud Services: Account admin + Admin agent
const PARTNER = "Northwind Cloud Services";

function unique(prefix: string) {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

/** Alice invites an address from the partner UI and returns the link from the real email. */
async function invite(partner: Page, email: string, message = "") {
  const since = await mailCursor();
  await partner.goto("/partner");
  await partner.getByRole("link", { name: "Invite a customer" }).first().click();
  await partner.getByLabel("Customer admin’s email").fill(email);
  if (message) await partner.getByLabel("Personal message (optional)").fill(message);
  await partner.getByRole("button", { name: "Send invitation" }).click();
  await expect(partner.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  const mail = await waitForEmail(email, new RegExp(`${PARTNER} invites you`), since);
  return { mail, link: linkIn(mail, "/invite/") };
}

async function invitationRow(partner: Page, email: string) {
  await partner.goto("/partner");
  await partner.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Invitations" }).click();
  return partner.getByTestId(`invitation-${email}`);
}

test.describe("reseller invitation journey", () => {
  let partner: Page;

  test.beforeEach(async ({ browser }) => {
    partner = await newPage(browser);
    await signIn(partner, ALICE, "/partner");
    await expect(partner.getByRole("heading", { name: "Customers" })).toBeVisible();
  });

  test("partner invites by email, the customer's admin accepts, both dashboards show it", async ({ browser }) => {
    const email = `${unique("grace")}@blueyonder-e2e.example`;
    const domain = `${unique("newco")}.example`;
    const { mail, link } = await invite(partner, email, "Looking forward to working with you.");
    // The email says what accepting grants and what it does not change (rule 3).
    expect(mail.text).toContain("Accepting does not:");
    expect(mail.text).toContain("change the partner of record of any subscription");
    expect(mail.html).toContain(link);

    const customer = await newPage(browser);
    await customer.goto(link);
    await expect(customer.getByRole("heading", { name: `${PARTNER} invites you to work together` })).toBeVisible();
    await expect(customer.getByText("Looking forward to working with you.")).toBeVisible();
    await customer.getByRole("link", { name: `Sign in as ${email}` }).click();
    const beforeSignIn = await mailCursor();
    await customer.getByRole("button", { name: "Email me a sign-in link" }).click();
    const signInMail = await waitForEmail(email, /sign-in link/i, beforeSignIn);
    await followSignInLink(customer, signInMail);

    await expect(customer.getByText(`You are signed in as ${email}.`)).toBeVisible();
    // The partner sees that the link was opened.
    await expect((await invitationRow(partner, email)).getByText("Opened")).toBeVisible();

    await customer.getByLabel("Company name").fill("Blue Yonder Airlines E2E");
    await customer.getByLabel("Primary domain").fill(domain);
    await customer.getByLabel("Country").selectOption("US");
    // Accepting without the agreement is refused beside the checkbox, and changes nothing.
    await customer.getByRole("button", { name: "Accept" }).click();
    await expect(customer.getByText("Accept the agreement to continue.")).toBeVisible();
    // What was typed survives the refusal.
    await expect(customer.getByLabel("Company name")).toHaveValue("Blue Yonder Airlines E2E");
    await expect(customer.getByLabel("Country")).toHaveValue("US");
    await customer.getByLabel(/I have read the Customer Agreement/).check();
    await customer.getByRole("button", { name: "Accept" }).click();
    await expect(customer.getByRole("heading", { name: `You now work with ${PARTNER}` })).toBeVisible();

    await customer.getByRole("link", { name: "Open your organization’s dashboard" }).click();
    await expect(customer.getByRole("heading", { name: "Blue Yonder Airlines E2E" })).toBeVisible();
    await expect(customer.getByRole("table", { name: "Your partners" }).getByText(PARTNER)).toBeVisible();

    await expect((await invitationRow(partner, email)).getByText("Accepted")).toBeVisible();
    await partner.getByRole("link", { name: "Customers" }).first().click();
    // Read the list's address only once the click has arrived there (reading it earlier raced the navigation).
    await expect(partner).toHaveURL(/\/customers$/);
    // The list counts what it finds, and a page past its end goes to its last page.
    await partner.goto(`${partner.url().replace(/\?.*$/, "")}?${new URLSearchParams({ q: domain, page: "5" })}`);
    await expect(partner).toHaveURL(/page=1$/);
    await expect(partner.getByText("1 match", { exact: true })).toBeVisible();
    await partner.getByRole("link", { name: "Blue Yonder Airlines E2E" }).click();
    await expect(partner.getByRole("heading", { name: "Blue Yonder Airlines E2E" })).toBeVisible();
    await expect(partner.getByText(domain)).toBeVisible();
    await waitForEmail(ALICE, /Blue Yonder Airlines E2E accepted your invitation/);
  });

  test("an organization that already works with two partners accepts a third and keeps them all", async ({ browser }) => {
    const olivia = "olivia.it@adventure-works.com";
    const customer = await newPage(browser);
    await signIn(customer, olivia, "/");
    await customer.getByRole("link", { name: /Adventure Works Cycles/ }).click();
    await expect(customer.getByRole("heading", { name: "Adventure Works Cycles" })).toBeVisible();
    const partnersBefore = await customer.getByRole("table", { name: "Your partners" }).getByRole("row").count();
    const subscriptionsBefore = await customer.getByRole("table", { name: "Subscriptions" }).innerText();

    // Contoso Distribution invites Olivia; she accepts for her existing organization.
    const contoso = await newPage(browser);
    await signIn(contoso, "pieter.admin@contoso-distribution.com", "/partner");
    await contoso.getByRole("link", { name: "Invite a customer" }).first().click();
    await contoso.getByLabel("Customer admin’s email").fill(olivia);
    const since = await mailCursor();
    await contoso.getByRole("button", { name: "Send invitation" }).click();
    await expect(contoso.getByText(`Invitation sent to ${olivia}.`)).toBeVisible();
    const link = linkIn(await waitForEmail(olivia, /Contoso Distribution invites you/, since), "/invite/");

    await customer.goto(link);
    await expect(customer.getByLabel("Adventure Works Cycles (adventure-works.com)")).toBeChecked();
    await customer.getByLabel(/I have read the Customer Agreement/).check();
    await customer.getByRole("button", { name: "Accept" }).click();
    await customer.getByRole("link", { name: "Open your organization’s dashboard" }).click();

    const partners = customer.getByRole("table", { name: "Your partners" });
    await expect(partners.getByRole("row")).toHaveCount(partnersBefore + 1);
    for (const name of ["Northwind Cloud Services", "Fabrikam Azure Experts", "Contoso Distribution"]) {
      await expect(partners.getByText(name)).toBeVisible();
    }
    // Nothing about the subscriptions changed, partner of record included (rule 3).
    expect(await customer.getByRole("table", { name: "Subscriptions" }).innerText()).toBe(subscriptionsBefore);
  });

  test("an account other than the invited one is refused and changes nothing", async ({ browser }) => {
    const email = `${unique("invited")}@adventure-e2e.example`;
    const { link } = await invite(partner, email);
    const someoneElse = await newPage(browser);
    await signIn(someoneElse, "grace.admin@blueyonderairlines.com", "/");
    await someoneElse.goto(link);
    await expect(someoneElse.getByText(`but this invitation is for ${email}`)).toBeVisible();
    await expect(someoneElse.getByRole("button", { name: "Accept" })).toHaveCount(0);
    await expect(someoneElse.getByRole("button", { name: "Decline" })).toHaveCount(0);
    const row = await invitationRow(partner, email);
    await expect(row.getByText("Opened")).toBeVisible();
  });

  test("revoked and expired links show a clear page", async ({ browser }) => {
    const revokedEmail = `${unique("revoked")}@example-e2e.example`;
    const expiredEmail = `${unique("expired")}@example-e2e.example`;
    const revoked = await invite(partner, revokedEmail);
    const expired = await invite(partner, expiredEmail);

    const row = await invitationRow(partner, revokedEmail);
    await row.getByRole("button", { name: "Revoke" }).click();
    await expect(row.getByText(`Revoke the invitation to ${revokedEmail}?`)).toBeVisible();
    await row.getByRole("button", { name: "Yes, revoke" }).click();
    await expect(partner.getByRole("status").getByText(`The invitation to ${revokedEmail} was revoked.`)).toBeVisible();
    await expect(row.getByText("Revoked", { exact: true })).toBeVisible();

    withDb((db) => db.prepare("update invitations set expires_at = ? where email = ?").run(Date.now() - 60_000, expiredEmail));

    const visitor = await newPage(browser);
    await visitor.goto(revoked.link);
    await expect(visitor.getByRole("heading", { name: "This invitation was withdrawn" })).toBeVisible();
    await visitor.goto(expired.link);
    await expect(visitor.getByRole("heading", { name: "This invitation has expired" })).toBeVisible();
    await visitor.goto("/invite/not-a-real-token");
    await expect(visitor.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
    await expect((await invitationRow(partner, expiredEmail)).getByText("Expired", { exact: true })).toBeVisible();
  });

  test("a resent invitation kills the old link", async ({ browser }) => {
    const email = `${unique("resend")}@example-e2e.example`;
    const first = await invite(partner, email);
    const row = await invitationRow(partner, email);
    const since = await mailCursor();
    await row.getByRole("button", { name: "Resend" }).click();
    await expect(partner.getByText(`A new link was sent to ${email}.`)).toBeVisible();
    const second = linkIn(await waitForEmail(email, /invites you/, since), "/invite/");
    expect(second).not.toBe(first.link);
    const visitor = await newPage(browser);
    await visitor.goto(first.link);
    await expect(visitor.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
    await visitor.goto(second);
    await expect(visitor.getByRole("heading", { name: `${PARTNER} invites you to work together` })).toBeVisible();
  });

  test("a decline is shown to the partner", async ({ browser }) => {
    const email = `${unique("decliner")}@example-e2e.example`;
    const { link } = await invite(partner, email);
    const customer = await newPage(browser);
    await signIn(customer, email, link.replace(/^https?:\/\/[^/]+/, ""));
    await customer.getByRole("button", { name: "Decline" }).click();
    await customer.getByRole("button", { name: "Yes, decline" }).click();
    await expect(customer.getByRole("heading", { name: "Invitation declined" })).toBeVisible();
    await expect((await invitationRow(partner, email)).getByText("Declined")).toBeVisible();
    await waitForEmail(ALICE, new RegExp(`${email.replace(/[.]/g, "\\.")} declined your invitation`));
  });
});
