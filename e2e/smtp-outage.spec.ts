import { expect, test, type Page } from "@playwright/test";
import { messagesTo, setSmtp, signIn } from "./support/mail";

/*
 * The mail server is down, refusing for now (4xx) or slow: the partner's invitation is
 * still made at once, its email waits in the outbox, the partner sees it is delayed, and
 * it arrives exactly once when the server is back (the outbox retries with backoff:
 * 5 s after the first failure).
 */
test.describe("SMTP outages", () => {
  test.afterEach(async () => setSmtp("up"));

  // Sign-in links are email too: sign in before the outage starts.
  const signInAsSales = (page: Page) => signIn(page, "sam.sales@northwindcloud.com", "/partner");

  async function invite(page: Page, email: string) {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Invite a customer" }).click();
    await page.getByLabel("Customer admin’s email").fill(email);
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  }

  async function invitationRow(page: Page, email: string) {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Invitations" }).click();
    await page.waitForURL(/\/invitations$/);
    return page.getByTestId(`invitation-${email}`);
  }

  /** Waits for the email, then gives the outbox time to (wrongly) send it again. */
  async function expectDeliveredOnce(email: string) {
    await expect.poll(async () => (await messagesTo(email)).length, { timeout: 30_000, message: `the email to ${email}` }).toBe(1);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await messagesTo(email)).toHaveLength(1);
  }

  for (const outage of ["down", "tempfail"] as const) {
    test(`server ${outage === "down" ? "down" : "answering 451"}: the invitation is made, shown as delayed, and its email arrives once when the server is back`, async ({
      page,
    }) => {
      const email = `outage-${outage}-${Date.now()}@fabrikam.example`;
      await signInAsSales(page);
      await setSmtp(outage);
      await invite(page, email);
      const row = await invitationRow(page, email);
      await expect(row).toBeVisible();
      await expect(async () => {
        await page.reload();
        await expect(row.getByText("Email delayed")).toBeVisible({ timeout: 1000 });
      }).toPass({ timeout: 15_000 });
      expect(await messagesTo(email)).toHaveLength(0);

      await setSmtp("up");
      await expectDeliveredOnce(email);
      await page.reload();
      await expect(row).toBeVisible();
      await expect(row.getByText("Email delayed")).toHaveCount(0);
    });
  }

  test("server slow: the partner is not kept waiting, and the email arrives once", async ({ page }) => {
    const email = `outage-slow-${Date.now()}@fabrikam.example`;
    await signInAsSales(page);
    await setSmtp("slow", 4_000);
    await invite(page, email);
    // The invitation was confirmed before the mail server accepted its email.
    expect(await messagesTo(email)).toHaveLength(0);
    await expectDeliveredOnce(email);
  });
});
