import { expect, type Browser, type Page } from "@playwright/test";
import { memberFor, sessionCookieFor, withDb } from "./db";
import { E2E } from "./ports";

/** A browser signed in as a new member of Northwind with these roles (a session made as a sign-in would). */
export async function northwindMember(
  browser: Browser,
  email: string,
  roles: string[],
): Promise<{ page: Page; partnerId: string; userId: string }> {
  const { cookie, partnerId, userId } = withDb((db) => {
    const partnerId = (db.prepare("select id from organizations where name = 'Northwind Cloud Services'").get() as { id: string }).id;
    const userId = memberFor(db, partnerId, email, roles);
    return { cookie: sessionCookieFor(db, userId), partnerId, userId };
  });
  const [name, value] = cookie.split("=");
  const context = await browser.newContext();
  await context.addCookies([{ name, value, url: E2E.baseUrl }]);
  return { page: await context.newPage(), partnerId, userId };
}

/** Makes a key on the API page with these scopes and reads its secret, shown this once. */
export async function makeKey(page: Page, partnerId: string, name: string, scopes: string[]): Promise<string> {
  await page.goto(`/partner/${partnerId}/api`);
  const form = page.getByRole("form", { name: "Create a key" });
  await form.getByLabel("Name", { exact: true }).fill(name);
  for (const scope of scopes) await form.locator(`input[name="scopes"][value="${scope}"]`).check();
  await form.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByRole("status").getByText(`Key “${name}” created.`)).toBeVisible();
  const secret = await page.getByLabel("Secret").inputValue();
  expect(secret).toMatch(/^prc_[0-9A-Za-z]{49}$/);
  return secret;
}
