import { expect, test } from "@playwright/test";
import { signIn } from "./support/mail";

test.describe("email delivery", () => {
  test("an invitation whose email the mail server refuses for good is shown as bounced to the partner", async ({ page }) => {
    await signIn(page, "sam.sales@northwindcloud.com", "/partner");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Invite a customer" }).click();
    const email = `it-${Date.now()}@bounce.example`;
    await page.getByLabel("Customer admin’s email").fill(email);
    await page.getByRole("button", { name: "Send invitation" }).click();
    // The invitation exists even though its email cannot be delivered.
    await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Invitations" }).click();
    await page.waitForURL(/\/invitations$/);
    const row = page.getByTestId(`invitation-${email}`);
    // The outbox worker tries within a second; a 550 is permanent, so it gives up at once.
    await expect(async () => {
      await page.reload();
      await expect(row.getByText("Email bounced")).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await expect(row.getByText(/550 5\.1\.1 No such mailbox here/)).toBeVisible();
  });
});
