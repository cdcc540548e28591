import { expect, test } from "@playwright/test";
import { signIn } from "./support/mail";

test("a list's row links navigate in the page, without a reload; a modified click is the browser's", async ({ page, context }) => {
  await signIn(page, "alice.admin@northwindcloud.com", "/partner");
  await expect(page).toHaveURL(/\/partner\/[^/]+\/customers$/);
  const first = page.getByRole("table", { name: "Customers" }).getByRole("link").first();
  const name = (await first.textContent())!;
  // Ctrl+click opens a new tab and leaves this page where it is.
  const opened = context.waitForEvent("page");
  await first.click({ modifiers: ["ControlOrMeta"] });
  await (await opened).close();
  await expect(page).toHaveURL(/\/customers$/);
  // A plain click loads the customer's page into this document: what the window held survives.
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
  await first.click();
  await expect(page).toHaveURL(/\/customers\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
});

test("every page's links navigate in the page: the organization bar's, and the mailbox's outside any organization", async ({ page }) => {
  await signIn(page, "alice.admin@northwindcloud.com", "/partner");
  await expect(page).toHaveURL(/\/partner\/[^/]+\/customers$/);
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Invitations" }).click();
  await expect(page).toHaveURL(/\/partner\/[^/]+\/invitations$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);

  await page.goto("/mailbox");
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 2));
  await page.getByRole("main").getByRole("table").locator(`a[href^="/mailbox/"]`).first().click();
  await expect(page).toHaveURL(/\/mailbox\/[^/]+$/);
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(2);
});
