import { expect, test, type Browser, type Page } from "@playwright/test";
import { withDb } from "./support/db";
import { followSignInLink, linkIn, mailCursor, signIn, waitForEmail } from "./support/mail";

const ALICE = "alice.admin@northwindcloud.com"; // Admin agent of Northwind Cloud Services
const OLIVIA = "olivia.it@adventure-works.com"; // Global administrator of Adventure Works Cycles
const BEN = "ben.finance@adventure-works.com"; // Billing administrator of Adventure Works Cycles

async function signedIn(browser: Browser, email: string, to: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, to);
  return page;
}

async function openCustomer(partner: Page) {
  await partner.goto("/partner");
  await partner.getByRole("link", { name: "Adventure Works Cycles" }).click();
  await expect(partner.getByRole("heading", { name: "Adventure Works Cycles" })).toBeVisible();
}

/** Alice asks Adventure Works for roles; returns the approval link from the real email. */
async function requestRoles(partner: Page, name: string) {
  await openCustomer(partner);
  await partner.getByRole("link", { name: "Request admin relationship" }).click();
  await partner.getByLabel("Name", { exact: true }).fill(name);
  await partner.getByLabel("Duration in days").fill("365");
  await partner.getByPlaceholder("Filter roles").fill("licen");
  await partner.getByLabel(/^License Administrator/).check();
  await partner.getByPlaceholder("Filter roles").fill("global reader");
  await partner.getByLabel(/^Global Reader/).check();
  await partner.getByPlaceholder("Filter roles").fill("");
  const since = await mailCursor();
  await partner.getByRole("button", { name: "Send request" }).click();
  await expect(partner.getByText(`Request “${name}” sent to Adventure Works Cycles for approval.`)).toBeVisible();
  const mail = await waitForEmail(OLIVIA, /Northwind Cloud Services asks for admin roles in Adventure Works Cycles/, since);
  expect(mail.text).toContain("License Administrator");
  expect(mail.text).toContain("Global Reader");
  return linkIn(mail, "/customer/");
}

test.describe("granular delegated admin relationships", () => {
  test("request, approval from the emailed link, removal by the customer, seen by the partner", async ({ browser }) => {
    const name = `Helpdesk ${Date.now()}`;
    const partner = await signedIn(browser, ALICE, "/partner");
    const link = await requestRoles(partner, name);
    const path = link.replace(/^https?:\/\/[^/]+/, "");

    // A Billing administrator of the customer can see the request but not decide it.
    const ben = await signedIn(browser, BEN, path);
    await expect(ben.getByText("Only a Global administrator can approve, reject or remove admin roles.")).toBeVisible();
    await expect(ben.getByRole("button", { name: "Approve" })).toHaveCount(0);

    const olivia = await signedIn(browser, OLIVIA, path);
    await expect(olivia.getByRole("heading", { name: `Admin relationship “${name}”` })).toBeVisible();
    await expect(olivia.getByText("Can manage product licenses on users and groups.")).toBeVisible();
    const since = await mailCursor();
    await olivia.getByRole("button", { name: "Approve" }).click();
    await expect(olivia.getByText(new RegExp(`“${name}” is approved. Northwind Cloud Services holds these roles until`))).toBeVisible();
    await waitForEmail(ALICE, new RegExp(`Admin relationship “${name}” approved`), since);

    await openCustomer(partner);
    const row = partner.getByTestId(`admin-relationship-${name}`);
    await expect(row.getByText("Active", { exact: true })).toBeVisible();

    // The partner gives its Admin Agents group (Alice is in it) one of the approved roles.
    const access = partner.getByRole("article", { name: `Access assignments: ${name}` });
    await access.getByLabel("Security group").selectOption({ label: "Admin Agents" });
    await access.getByLabel("License Administrator").check();
    await access.getByRole("button", { name: "Assign" }).click();
    await expect(partner.getByRole("status").getByText(`Admin Agents now holds roles in “${name}”.`)).toBeVisible();
    await expect(access.getByRole("listitem").getByText("Admin Agents", { exact: true })).toBeVisible();
    const whatCanIDo = partner.getByRole("region", { name: "What can I do here?" });
    await expect(whatCanIDo.getByText("License Administrator", { exact: true })).toBeVisible();

    // Its roles change in place: the group keeps its access while they do.
    await access.getByText("Change roles").click();
    const change = access.getByRole("form", { name: "Change roles: Admin Agents" });
    await expect(change.getByLabel("License Administrator")).toBeChecked();
    await change.getByLabel("Global Reader").check();
    await change.getByRole("button", { name: "Save roles" }).click();
    await expect(partner.getByRole("status").getByText(`Admin Agents now holds the roles you chose in “${name}”.`)).toBeVisible();
    await expect(whatCanIDo.getByText("Global Reader", { exact: true })).toBeVisible();
    await expect(whatCanIDo.getByText("License Administrator", { exact: true })).toBeVisible();

    await olivia.goto("/");
    await olivia.getByRole("link", { name: /Adventure Works Cycles/ }).click();
    const card = olivia.getByRole("article", { name: `Northwind Cloud Services asks for “${name}”` });
    await card.getByRole("button", { name: "Remove admin roles" }).click();
    await card.getByRole("button", { name: "Yes, remove" }).click();
    await expect(olivia.getByRole("status").getByText(`“${name}” was terminated.`)).toBeVisible();
    await expect(card).toHaveCount(0);

    await openCustomer(partner);
    await expect(partner.getByTestId(`admin-relationship-${name}`).getByText("Terminated", { exact: true })).toBeVisible();
    // Its access assignments went with it.
    await expect(partner.getByRole("article", { name: `Access assignments: ${name}` })).toHaveCount(0);
    await expect(
      partner.getByRole("region", { name: "What can I do here?" }).getByText("License Administrator", { exact: true }),
    ).toHaveCount(0);
    // Ending admin roles keeps the reseller relationship.
    await expect(partner.getByText("Since", { exact: false }).first()).toBeVisible();
    await expect(partner.getByRole("region", { name: "Reseller relationship" }).getByText("Active", { exact: true })).toBeVisible();
  });

  test("approving Global Administrator needs a sign-in from the last 15 minutes; the fresh link comes back to the request", async ({
    browser,
  }) => {
    const name = `Rebuild ${Date.now()}`;
    const partner = await signedIn(browser, ALICE, "/partner");
    await openCustomer(partner);
    await partner.getByRole("link", { name: "Request admin relationship" }).click();
    await partner.getByLabel("Name", { exact: true }).fill(name);
    await partner.getByLabel("Duration in days").fill("30");
    await partner.getByPlaceholder("Filter roles").fill("global admin");
    await partner.getByLabel(/^Global Administrator/).check();
    const since = await mailCursor();
    await partner.getByRole("button", { name: "Send request" }).click();
    await expect(partner.getByText(`Request “${name}” sent to Adventure Works Cycles for approval.`)).toBeVisible();
    const path = linkIn(await waitForEmail(OLIVIA, /asks for admin roles/, since), "/customer/").replace(/^https?:\/\/[^/]+/, "");

    const olivia = await signedIn(browser, OLIVIA, path);
    // Twenty minutes later (her sessions' sign-in moved back, as the clock would have).
    withDb((db) =>
      db
        .prepare("update sessions set signed_in_at = ? where user_id = (select id from users where email = ?)")
        .run(Date.now() - 20 * 60_000, OLIVIA),
    );
    await olivia.reload();
    const card = olivia.getByRole("article", { name: `Northwind Cloud Services asks for “${name}”` });
    await expect(card.getByText(/Approving it needs a sign-in from the last 15 minutes/)).toBeVisible();
    await expect(card.getByRole("button", { name: "Approve" })).toHaveCount(0);
    await expect(card.getByRole("button", { name: "Reject" })).toBeVisible();

    const linkSent = await mailCursor();
    await card.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(olivia.getByRole("heading", { name: "Check your email" })).toBeVisible();
    await followSignInLink(olivia, await waitForEmail(OLIVIA, /sign-in link/i, linkSent));
    await olivia.waitForURL((url) => url.pathname === path);
    await card.getByRole("button", { name: "Approve" }).click();
    await expect(olivia.getByText(new RegExp(`“${name}” is approved.`))).toBeVisible();
  });

  test("a rejection is shown to the partner", async ({ browser }) => {
    const name = `Rejected ${Date.now()}`;
    const partner = await signedIn(browser, ALICE, "/partner");
    const link = await requestRoles(partner, name);
    const olivia = await signedIn(browser, OLIVIA, link.replace(/^https?:\/\/[^/]+/, ""));
    const since = await mailCursor();
    await olivia.getByRole("button", { name: "Reject" }).click();
    await olivia.getByRole("button", { name: "Yes, reject" }).click();
    await expect(olivia.getByText(`“${name}” was rejected.`)).toBeVisible();
    await waitForEmail(ALICE, new RegExp(`Admin relationship “${name}” rejected`), since);
    await openCustomer(partner);
    await expect(partner.getByTestId(`admin-relationship-${name}`).getByText("Rejected", { exact: true })).toBeVisible();
  });

  test("Global Administrator disables auto-extend, with the reason", async ({ browser }) => {
    const partner = await signedIn(browser, ALICE, "/partner");
    await openCustomer(partner);
    await partner.getByRole("link", { name: "Request admin relationship" }).click();
    const autoExtend = partner.getByLabel("Extend automatically by 180 days when it ends");
    await expect(autoExtend).toBeEnabled();
    await partner.getByLabel(/^Global Administrator/).check();
    await expect(autoExtend).toBeDisabled();
    await expect(partner.getByText("Not possible with Global Administrator")).toBeVisible();
    await expect(partner.getByText("Global Administrator can change everything in the customer’s tenant.")).toBeVisible();
    // Nothing chosen and no name: every problem is shown beside its field.
    await partner.getByLabel(/^Global Administrator/).uncheck();
    await partner.getByRole("button", { name: "Send request" }).click();
    await expect(partner.getByText("Choose at least one role.")).toBeVisible();
    await expect(partner.getByText("Required.")).toBeVisible();
  });

  test("expiring soon: tiles and lists, and the notices the job sent when the server started", async ({ browser }) => {
    // Seeded: "Adventure Works security" ends in 5 days; the job that starts with the server warned both sides.
    await waitForEmail(ALICE, /Admin relationship “Adventure Works security” ends in 5 days/);
    await waitForEmail(OLIVIA, /Admin relationship “Adventure Works security” ends in 5 days/);
    const partner = await signedIn(browser, ALICE, "/partner");
    await partner.getByRole("link", { name: "Expiring soon" }).click();
    const tiles = partner.getByRole("navigation", { name: "Admin relationships expiring soon" });
    await tiles.getByRole("link", { name: /Ending within 7 days/ }).click();
    const list = partner.getByRole("table", { name: "Ending within 7 days" });
    await expect(list.getByText("Adventure Works security")).toBeVisible();
    await expect(list.getByText("Expiring", { exact: true })).toBeVisible();
    await tiles.getByRole("link", { name: /Expired in the last year/ }).click();
    await expect(
      partner.getByRole("table", { name: "Expired in the last year" }).getByText("Adventure Works onboarding 2025"),
    ).toBeVisible();
    await expect(partner.getByText("In force with Global Administrator")).toBeVisible();

    // A search narrows a tile's list, and stays when another tile is chosen.
    await tiles.getByRole("link", { name: /Ending within 30 days/ }).click();
    await partner.getByLabel("Search this list").fill("security");
    await partner.getByRole("button", { name: "Search" }).click();
    const thirty = partner.getByRole("table", { name: "Ending within 30 days" });
    await expect(thirty.getByText("Adventure Works security")).toBeVisible();
    await expect(thirty.getByText("Adventure Works helpdesk")).toHaveCount(0);
    await tiles.getByRole("link", { name: /Ending within 7 days/ }).click();
    await expect(partner).toHaveURL(/window=7.*q=security/);
    await expect(partner.getByRole("table", { name: "Ending within 7 days" }).getByText("Adventure Works security")).toBeVisible();
    await partner.getByLabel("Search this list").fill("no such relationship");
    await partner.getByRole("button", { name: "Search" }).click();
    await expect(partner.getByText("Nothing in this list matches “no such relationship”.")).toBeVisible();
  });

  test("admin roles ride along with the reseller invitation: one email, one acceptance", async ({ browser }) => {
    const stamp = Date.now();
    const email = `it-${stamp}@tailwind-e2e.example`;
    const name = `Tailwind onboarding ${stamp}`;
    const partner = await signedIn(browser, ALICE, "/partner");
    await partner.getByRole("link", { name: "Invite a customer" }).first().click();
    await partner.getByLabel("Customer admin’s email").fill(email);
    await partner.getByLabel("Include admin roles").check();
    await partner.getByLabel("Name", { exact: true }).fill(name);
    await partner.getByLabel("Duration in days").fill("120");
    await partner.getByLabel(/^User Administrator/).check();
    const since = await mailCursor();
    await partner.getByRole("button", { name: "Send invitation" }).click();
    await expect(partner.getByText(`Invitation sent to ${email}.`)).toBeVisible();
    const mail = await waitForEmail(email, /Northwind Cloud Services invites you/, since);
    expect(mail.text).toContain("Accepting also gives Northwind Cloud Services these admin roles in your organization for 120 days:");
    expect(mail.text).toContain("User Administrator");

    const link = linkIn(mail, "/invite/");
    const customer = await signedIn(browser, email, link.replace(/^https?:\/\/[^/]+/, ""));
    await expect(customer.getByText("Can manage users and groups, including resetting passwords for limited admins.")).toBeVisible();
    await customer.getByLabel("Company name").fill(`Tailwind Traders ${stamp}`);
    await customer.getByLabel("Primary domain").fill(`tailwind-${stamp}.example`);
    await customer.getByLabel("Country").selectOption("GB");
    await customer.getByLabel(/I have read the Customer Agreement/).check();
    await customer.getByRole("button", { name: "Accept" }).click();
    await customer.getByRole("link", { name: "Open your organization’s dashboard" }).click();
    const card = customer.getByRole("article", { name: `Northwind Cloud Services asks for “${name}”` });
    await expect(card.getByText("Active", { exact: true })).toBeVisible();
    await expect(card.getByText("User Administrator", { exact: true })).toBeVisible();

    await partner.goto("/partner");
    await partner.getByRole("link", { name: `Tailwind Traders ${stamp}` }).click();
    await expect(partner.getByTestId(`admin-relationship-${name}`).getByText("Active", { exact: true })).toBeVisible();
    // Roles and duration never change in place: "replace" starts a new request from them.
    await partner.getByTestId(`admin-relationship-${name}`).getByRole("link", { name: "Replace with a new relationship" }).click();
    await expect(partner.getByText(`Replacing “${name}”`)).toBeVisible();
    await expect(partner.getByLabel(/^User Administrator/)).toBeChecked();
    await expect(partner.getByLabel("Duration in days")).toHaveValue("120");
  });

  test("an invitation carrying Global Administrator waits for a fresh sign-in to accept, never to decline", async ({ browser }) => {
    const stamp = Date.now();
    const email = `it-${stamp}@fresh-e2e.example`;
    const partner = await signedIn(browser, ALICE, "/partner");
    await partner.getByRole("link", { name: "Invite a customer" }).first().click();
    await partner.getByLabel("Customer admin’s email").fill(email);
    await partner.getByLabel("Include admin roles").check();
    await partner.getByLabel("Name", { exact: true }).fill(`Full control ${stamp}`);
    await partner.getByLabel("Duration in days").fill("30");
    await partner.getByPlaceholder("Filter roles").fill("global admin");
    await partner.getByLabel(/^Global Administrator/).check();
    const since = await mailCursor();
    await partner.getByRole("button", { name: "Send invitation" }).click();
    await expect(partner.getByText(`Invitation sent to ${email}.`)).toBeVisible();
    const link = linkIn(await waitForEmail(email, /Northwind Cloud Services invites you/, since), "/invite/");

    const customer = await signedIn(browser, email, link.replace(/^https?:\/\/[^/]+/, ""));
    await expect(customer.getByRole("button", { name: "Accept" })).toBeVisible();
    withDb((db) =>
      db
        .prepare("update sessions set signed_in_at = ? where user_id = (select id from users where email = ?)")
        .run(Date.now() - 20 * 60_000, email),
    );
    await customer.reload();
    await expect(customer.getByRole("button", { name: "Accept" })).toHaveCount(0);
    await expect(customer.getByRole("button", { name: "Email me a sign-in link" })).toBeVisible();
    await customer.getByRole("button", { name: "Decline" }).click();
    await customer.getByRole("button", { name: "Yes, decline" }).click();
    await expect(customer.getByRole("heading", { name: "Invitation declined" })).toBeVisible();
  });
});
