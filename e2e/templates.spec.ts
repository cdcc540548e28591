import { expect, test, type Browser, type Page } from "@playwright/test";
import { linkIn, mailCursor, signIn, waitForEmail } from "./support/mail";

const ALICE = "alice.admin@northwindcloud.com"; // Admin agent of Northwind Cloud Services
const OLIVIA = "olivia.it@adventure-works.com"; // Global administrator of Adventure Works Cycles

async function signedIn(browser: Browser, email: string, to: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, to);
  return page;
}

test("a template's groups hold its roles the moment a customer approves, and an edit makes a new version", async ({ browser }) => {
  const stamp = Date.now();
  const name = `Service desk ${stamp}`;
  const alice = await signedIn(browser, ALICE, "/partner");
  await alice.getByRole("link", { name: "Templates" }).click();
  await expect(alice.getByRole("heading", { name: "Admin relationship templates" })).toBeVisible();
  await alice.getByRole("link", { name: "New template" }).click();

  // The roles, then which group receives which of them.
  await alice.getByLabel("Template name").fill(name);
  await alice.getByLabel("Duration in days").fill("365");
  const roles = alice.getByRole("group", { name: "Roles" });
  await roles.getByPlaceholder("Filter roles").fill("helpdesk");
  await roles.getByLabel(/^Helpdesk Administrator/).check();
  await roles.getByPlaceholder("Filter roles").fill("global reader");
  await roles.getByLabel(/^Global Reader/).check();
  await roles.getByPlaceholder("Filter roles").fill("");
  await alice.getByRole("group", { name: "Helpdesk Agents receives" }).getByLabel("Helpdesk Administrator").check();
  const admins = alice.getByRole("group", { name: "Admin Agents receives" });
  await admins.getByLabel("Helpdesk Administrator").check();
  await admins.getByLabel("Global Reader").check();
  await alice.getByRole("button", { name: "Create template" }).click();
  await expect(alice.getByRole("heading", { name })).toBeVisible();
  await expect(alice.getByText("Helpdesk Agents receives: Helpdesk Administrator")).toBeVisible();

  // Asked of a customer from the template, under a name of its own.
  await alice.goto("/partner");
  await alice.getByRole("link", { name: "Adventure Works Cycles" }).click();
  const fromTemplate = alice.getByRole("form", { name: "Request with a template" });
  await fromTemplate.getByLabel("Template").selectOption({ label: `${name} (v1)` });
  await fromTemplate.getByLabel("Relationship name").fill(`SD ${stamp}`);
  const since = await mailCursor();
  await fromTemplate.getByRole("button", { name: "Send request" }).click();
  await expect(alice.getByRole("status").getByText(`Request “SD ${stamp}” sent to Adventure Works Cycles for approval.`)).toBeVisible();
  const mail = await waitForEmail(OLIVIA, /Northwind Cloud Services asks for admin roles in Adventure Works Cycles/, since);
  expect(mail.text).toContain("Helpdesk Administrator");

  // The customer approves; the groups hold their roles at once, with no step of the partner's.
  const olivia = await signedIn(browser, OLIVIA, linkIn(mail, "/customer/").replace(/^https?:\/\/[^/]+/, ""));
  await olivia.getByRole("button", { name: "Approve" }).click();
  await expect(olivia.getByText(new RegExp(`“SD ${stamp}” is approved`))).toBeVisible();
  await alice.reload();
  const access = alice.getByRole("article", { name: `Access assignments: SD ${stamp}` });
  await expect(access.getByRole("listitem").filter({ hasText: "Helpdesk Agents" })).toContainText("Helpdesk Administrator");
  await expect(access.getByRole("listitem").filter({ hasText: "Admin Agents" })).toContainText("Global Reader");

  // An edit is version 2; the relationship made keeps version 1.
  await alice.getByRole("link", { name: "Templates" }).click();
  await alice.getByRole("link", { name }).click();
  await alice.getByLabel("Duration in days").fill("180");
  await alice.getByRole("button", { name: "Save as version 2" }).click();
  await expect(alice.getByRole("status").getByText(`Template “${name}” is now at version 2.`)).toBeVisible();
  const versions = alice.getByRole("table", { name: "Versions" });
  await expect(versions.getByRole("row").nth(1)).toContainText("v2");
  await expect(versions.getByRole("row").nth(2)).toContainText("v1");
  await expect(versions.getByRole("row").nth(2).getByRole("cell").last()).toHaveText("1");

  // Deleted, it offers nothing new.
  await alice.getByRole("button", { name: "Delete template" }).click();
  await alice.getByRole("button", { name: "Yes, delete" }).click();
  await expect(alice.getByRole("heading", { name: "Admin relationship templates" })).toBeVisible();
  await expect(alice.getByRole("link", { name })).toHaveCount(0);
});
