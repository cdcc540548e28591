import { expect, test } from "@playwright/test";
import { linkIn, mailCursor, signIn, waitForEmail } from "./support/mail";

test("an Account admin invites a colleague as Helpdesk agent, who sees customers but cannot invite; removal ends the session", async ({
  browser,
}) => {
  const email = `helpdesk-${Date.now()}@northwindcloud.com`;
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "alice.admin@northwindcloud.com", "/partner");
  await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Team" }).click();
  const form = admin.getByRole("form", { name: "Invite a colleague" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Helpdesk agent").check();
  const since = await mailCursor();
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(admin.getByRole("status").getByText(`Invitation sent to ${email}.`)).toBeVisible();
  const link = linkIn(await waitForEmail(email, /Join Northwind Cloud Services/, since), "/join/");

  const colleague = await (await browser.newContext()).newPage();
  await signIn(colleague, email, link.replace(/^https?:\/\/[^/]+/, ""));
  await expect(colleague.getByRole("heading", { name: "Join Northwind Cloud Services" })).toBeVisible();
  await colleague.getByRole("button", { name: "Join" }).click();
  await expect(colleague.getByRole("heading", { name: "Customers" })).toBeVisible();
  await expect(colleague.getByRole("link", { name: "Adventure Works Cycles" })).toBeVisible();
  const nav = colleague.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Invite a customer" })).toHaveCount(0);
  await nav.getByRole("link", { name: "Invitations" }).click();
  await expect(colleague.getByText("Your role can see invitations but not send, resend or revoke them.")).toBeVisible();
  await expect(colleague.getByRole("button", { name: "Resend" })).toHaveCount(0);
  await colleague.goto(colleague.url().replace("/invitations", "/invitations/new"));
  await expect(colleague.getByText("Your role does not allow sending invitations.")).toBeVisible();
  await expect(colleague.getByRole("button", { name: "Send invitation" })).toHaveCount(0);

  // Removed: whatever the colleague had open stops working at once.
  await admin.reload();
  const row = admin.getByTestId(`member-${email}`);
  await row.getByRole("button", { name: "Remove" }).click();
  await row.getByRole("button", { name: "Yes, remove" }).click();
  await expect(admin.getByRole("status").getByText(`${email} was removed.`)).toBeVisible();
  await colleague.reload();
  await expect(colleague.getByRole("heading", { name: "Sign in" })).toBeVisible();
});

test("a Global administrator renames the tenant; its partner's list reads the new name, and a bad name changes nothing", async ({
  browser,
}) => {
  const klara = await (await browser.newContext()).newPage();
  await signIn(klara, "klara.it@proseware.de", "/");
  await klara
    .getByRole("link", { name: /Proseware Industrie AG/ })
    .first()
    .click();
  await klara.getByRole("link", { name: "Users", exact: true }).click();
  await expect(klara).toHaveURL(/\/customer\/org_[^/]+\/users$/);
  const users = klara.url();
  const form = klara.getByRole("form", { name: "Organization" });
  await form.getByLabel("Name").fill("P");
  await form.getByRole("button", { name: "Save name" }).click();
  await expect(form.getByText("At least 2 characters.")).toBeVisible();
  await form.getByLabel("Name").fill("Proseware GmbH");
  await form.getByRole("button", { name: "Save name" }).click();
  await expect(klara.getByRole("status").getByText("The organization is now called Proseware GmbH.")).toBeVisible();
  await klara.goto(users.replace(/\/users$/, ""));
  await expect(klara.getByRole("heading", { name: "Proseware GmbH", level: 1 })).toBeVisible();

  // Tailspin, its partner, finds it by the new name.
  const jonas = await (await browser.newContext()).newPage();
  await signIn(jonas, "jonas.admin@tailspin-partner.de", "/partner");
  await jonas.getByRole("searchbox", { name: "Search customers" }).fill("GmbH");
  await jonas.getByRole("button", { name: "Search" }).click();
  await expect(jonas.getByRole("link", { name: "Proseware GmbH" })).toBeVisible();

  // Back as it was, for the rest of the suite.
  await klara.goto(users);
  await form.getByLabel("Name").fill("Proseware Industrie AG");
  await form.getByRole("button", { name: "Save name" }).click();
  await expect(klara.getByRole("status").getByText("The organization is now called Proseware Industrie AG.")).toBeVisible();
});
