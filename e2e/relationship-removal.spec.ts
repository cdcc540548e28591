import { expect, test } from "@playwright/test";
import { mailCursor, signIn, waitForEmail } from "./support/mail";

test.describe("ending relationships", () => {
  test("a partner that is partner of record of active subscriptions sees what blocks removing the customer", async ({ page }) => {
    await signIn(page, "alice.admin@northwindcloud.com", "/partner");
    await page.getByRole("link", { name: "Adventure Works Cycles" }).click();
    await page.getByRole("link", { name: "Remove customer…" }).click();
    await expect(page.getByRole("heading", { name: "Remove Adventure Works Cycles" })).toBeVisible();
    const blockers = page.getByRole("region", { name: "What blocks removal" });
    await expect(blockers.getByRole("link", { name: /Microsoft 365 Business Premium/ })).toBeVisible();
    await expect(blockers.getByRole("link", { name: /Microsoft Defender for Endpoint P2/ })).toBeVisible();
    await expect(page.getByRole("button", { name: "Remove customer" })).toHaveCount(0);
    await expect(
      page.getByText(
        "Nothing else changes: subscriptions, their partner of record, terms and the customer’s other partners stay as they are.",
      ),
    ).toBeVisible();
  });

  test("a customer's Global administrator removes a partner; its subscriptions keep their partner of record", async ({ page }) => {
    await signIn(page, "diego@fourthcoffee.com", "/");
    await page.getByRole("link", { name: /Fourth Coffee/ }).click();
    const subscriptionsBefore = await page.getByRole("table", { name: "Subscriptions" }).innerText();
    expect(subscriptionsBefore).toContain("Litware Solutions");
    await page.getByTestId("partner-Litware Solutions").getByRole("link", { name: "Remove partner…" }).click();
    await expect(page.getByRole("heading", { name: "Remove Litware Solutions" })).toBeVisible();
    // The default removes only the admin roles; this removes the partner entirely.
    await expect(page.getByLabel(/Only its admin roles/)).toBeChecked();
    await page.getByLabel(/The partner entirely/).check();
    const since = await mailCursor();
    await page.getByRole("button", { name: "Remove partner" }).click();
    // Both the page-level message and the re-rendered page say it; either is enough.
    await expect(page.getByText("Litware Solutions is no longer your partner.").first()).toBeVisible();
    await waitForEmail("lena.admin@litware-solutions.com", /Litware Solutions and Fourth Coffee no longer work together/, since);
    await page.getByRole("link", { name: "Back" }).click();
    // Litware's provider stays: removing one partner never touches another (rule 1).
    const partners = page.getByRole("table", { name: "Your partners" });
    await expect(partners.getByTestId("partner-Litware Solutions")).toHaveCount(0);
    await expect(partners.getByTestId("partner-Contoso Distribution")).toBeVisible();
    expect(await page.getByRole("table", { name: "Subscriptions" }).innerText()).toBe(subscriptionsBefore);
  });
});
