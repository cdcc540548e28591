import { expect, test, type Browser, type Page } from "@playwright/test";
import { memberFor, sessionCookieFor, withDb } from "./support/db";
import { E2E } from "./support/ports";

/** A browser signed in as a new operator member with these roles (a session made as a sign-in would). */
async function operatorSignedIn(browser: Browser, email: string, roles: string[]): Promise<Page> {
  const cookie = withDb((db) => {
    const operator = (db.prepare("select id from organizations where kind = 'operator'").get() as { id: string }).id;
    return sessionCookieFor(db, memberFor(db, operator, email, roles));
  });
  const [name, value] = cookie.split("=");
  const context = await browser.newContext();
  await context.addCookies([{ name, value, url: E2E.baseUrl }]);
  return await context.newPage();
}

test.describe("enrollment", () => {
  test("an operator who applies cannot decide it; a corporate domain nobody proved is only made on an operator's confirmation", async ({
    browser,
  }) => {
    const stamp = Date.now();
    const company = `Own Company ${stamp}`;
    const manager = await operatorSignedIn(browser, `pm-${stamp}@own-company-${stamp}.example`, ["partner_manager"]);

    // The partner manager applies for their own company, naming a domain another company holds as
    // its corporate tenant: answered as any application is (the claim is looked up by nobody).
    await manager.goto("/enroll");
    await manager.getByLabel("Company name").fill(company);
    await manager.getByLabel("Country").selectOption("DE");
    await manager.getByLabel("Separate corporate tenant domain (optional)").fill("adventure-works.com");
    await manager.getByLabel(/I have read the Partner Agreement/).check();
    await manager.getByRole("button", { name: "Send application" }).click();
    await expect(manager.getByRole("status").getByText(`Thank you. The application for ${company} is waiting for review`)).toBeVisible();
    const applicationId = withDb(
      (db) => (db.prepare("select id from partner_applications where company_name = ?").get(company) as { id: string }).id,
    );

    // Their own application: no decision forms, whatever they may decide otherwise.
    await manager.goto(`/operator/applications/${applicationId}`);
    await expect(manager.getByText("You made this application, or it names your address: another operator decides it.")).toBeVisible();
    await expect(manager.getByRole("button", { name: "Approve" })).toHaveCount(0);
    await expect(manager.getByRole("button", { name: "Reject" })).toHaveCount(0);

    // Another operator sees the claim for what it is, and cannot confirm it.
    const other = await operatorSignedIn(browser, `ops-${stamp}@partner-program.example`, ["operator_admin"]);
    await other.goto(`/operator/applications/${applicationId}`);
    await expect(
      other.getByText(`adventure-works.com (not verified: the applicant's address proves own-company-${stamp}.example only)`),
    ).toBeVisible();
    await expect(
      other.getByText("adventure-works.com already belongs to an organization: its corporate tenant cannot be created."),
    ).toBeVisible();
    const confirm = other.getByLabel(/Also create the corporate tenant at adventure-works\.com/);
    await confirm.check();
    await other.getByRole("button", { name: "Approve" }).click();
    await expect(other.getByText(/This domain already belongs to an organization, or another waiting application names it/)).toBeVisible();
    await expect(confirm).toHaveAttribute("aria-invalid", "true");
    // Unconfirmed, the partner is made without it.
    await confirm.uncheck();
    await other.getByRole("button", { name: "Approve" }).click();
    await expect(other.getByRole("status").getByText(new RegExp(`${company} is now a partner`))).toBeVisible();
    const corporateTenants = withDb(
      (db) =>
        (
          db
            .prepare(
              "select count(*) as n from organizations o join partner_applications a on a.partner_id = o.corporate_of_partner_id where a.id = ?",
            )
            .get(applicationId) as { n: number }
        ).n,
    );
    expect(corporateTenants).toBe(0);
  });
});
