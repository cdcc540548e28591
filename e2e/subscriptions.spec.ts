import { expect, test, type Browser, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { mailCursor, signIn, waitForEmail } from "./support/mail";

const ALICE = "alice.admin@northwindcloud.com"; // Northwind: Account admin and Admin agent
const OLIVIA = "olivia.it@adventure-works.com"; // Adventure Works: Global administrator

async function signedIn(browser: Browser, email: string, to: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, to);
  return page;
}

async function openAdventureWorks(partner: Page) {
  await partner.goto("/partner");
  await partner.getByRole("link", { name: "Adventure Works Cycles" }).click();
  await expect(partner.getByRole("heading", { name: "Adventure Works Cycles" })).toBeVisible();
}

test.describe("subscriptions", () => {
  test("the partner of record sells one, changes its seats and cancels it; the customer is emailed each time", async ({ browser }) => {
    const partner = await signedIn(browser, ALICE, "/partner");
    await openAdventureWorks(partner);
    const sell = partner.getByRole("form", { name: "Sell a subscription" });
    // Nothing chosen: the error sits beside the field, and nothing is created.
    await sell.getByRole("button", { name: "Create subscription" }).click();
    await expect(sell.getByText("Choose a product offered in this cloud.")).toBeVisible();
    await sell.getByLabel("Product").selectOption({ label: "Microsoft 365 E3" });
    await sell.getByLabel("Seats").fill("3");
    await sell.getByLabel("Term").selectOption({ label: "Three years" });
    const since = await mailCursor();
    await sell.getByRole("button", { name: "Create subscription" }).click();
    await expect(partner.getByRole("status").getByText("Microsoft 365 E3 with 3 seats was created.", { exact: false })).toBeVisible();
    await waitForEmail(OLIVIA, /New subscription: Microsoft 365 E3/, since);

    const row = partner.getByTestId("subscription-Microsoft 365 E3");
    await row.getByRole("spinbutton", { name: "Seats" }).fill("0");
    await row.getByRole("button", { name: "Set seats" }).click();
    await expect(row.getByText("Seats are a whole number from 1 to 100,000.")).toBeVisible();
    await row.getByRole("spinbutton", { name: "Seats" }).fill("5");
    await row.getByRole("button", { name: "Set seats" }).click();
    await expect(partner.getByRole("status").getByText("Microsoft 365 E3 now has 5 seats.", { exact: false })).toBeVisible();
    await expect(row.getByRole("cell", { name: "5", exact: true })).toBeVisible();

    await row.getByRole("button", { name: "Cancel…" }).click();
    await row.getByRole("button", { name: "Cancel subscription" }).click();
    await expect(partner.getByRole("status").getByText("Microsoft 365 E3 is cancelled.", { exact: false })).toBeVisible();
    await expect(row.getByText("Cancelled")).toBeVisible();
    await expect(row.getByRole("button", { name: "Set seats" })).toHaveCount(0);
    await waitForEmail(OLIVIA, /Subscription cancelled: Microsoft 365 E3/, since);

    // The customer's log shows every change, by the partner.
    const customer = await signedIn(browser, OLIVIA, "/");
    await customer.getByRole("link", { name: /Adventure Works Cycles/ }).click();
    await expect(customer.getByText("Changed Microsoft 365 E3 from 3 to 5 seats")).toBeVisible();
  });

  test("a Billing admin lands on what the partner sold, filters and searches it, reads the customer without its page, and exports the same rows", async ({
    page,
  }) => {
    await signIn(page, "bill.billing@northwindcloud.com", "/partner");
    await expect(page.getByRole("heading", { name: "Subscriptions", level: 1 })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Subscriptions" })).toBeVisible();
    const table = page.getByRole("table", { name: "Subscriptions" });
    const premium = table.getByRole("row").filter({ hasText: "Microsoft 365 Business Premium" });
    await expect(premium.getByText("Adventure Works Cycles")).toBeVisible();
    // Billing does not see customers: the name is text, not a link to a page it may not open.
    await expect(premium.getByRole("link")).toHaveCount(0);
    // Another partner's sale to the same customer is not Northwind's.
    await expect(table.getByText("Azure plan")).toHaveCount(0);
    await page.getByRole("navigation", { name: "Status" }).getByRole("link", { name: "Active" }).click();
    await expect(page).toHaveURL(/\/subscriptions\?state=active$/);
    await expect(page.getByRole("navigation", { name: "Status" }).getByRole("link", { name: "Active" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await expect(premium).toBeVisible();
    // A search keeps the status and narrows to one customer, by name, domain or product.
    await page.getByRole("searchbox", { name: "Search subscriptions" }).fill("fourthcoffee");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/subscriptions\?state=active&q=fourthcoffee$/);
    await expect(page.getByText("No subscription matches “fourthcoffee”.")).toBeVisible();
    await page.getByRole("searchbox", { name: "Search subscriptions" }).fill("defender");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByRole("row").filter({ hasText: "Microsoft Defender for Endpoint P2" })).toBeVisible();
    await expect(premium).toHaveCount(0);
    // Filters keep the search; an emptied search shows the status's whole list again.
    await expect(page.getByRole("navigation", { name: "Status" }).getByRole("link", { name: "All" })).toHaveAttribute(
      "href",
      /\/subscriptions\?q=defender$/,
    );
    await page.getByRole("searchbox", { name: "Search subscriptions" }).fill("");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(premium).toBeVisible();

    // The export holds the filter's rows, read back by a well-kept parser as a spreadsheet would split it.
    const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
    expect(href).toMatch(/\/subscriptions\/export\?state=active$/);
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/csv");
    const [header, ...rows] = parse(await response.text(), { bom: true }) as string[][];
    expect(header).toEqual(["Customer", "Domain", "Product", "Seats", "Status", "Term ends", "Sold on"]);
    expect(rows).toContainEqual([
      "Adventure Works Cycles",
      "adventure-works.com",
      "Microsoft 365 Business Premium",
      "120",
      "Active",
      expect.any(String),
      expect.any(String),
    ]);
    expect(rows.every((r) => r[4] === "Active")).toBe(true);
    expect(rows.some((r) => r[2] === "Azure plan")).toBe(false);
    // Another partner's export is "not found" for Northwind's Billing admin; signed out, it asks to sign in first.
    const elsewhere = await page.request.get("/partner/org_not_mine/subscriptions/export");
    expect(elsewhere.status()).toBe(404);
    const signedOut = await (await page.context().browser()!.newContext()).request.get(href!, { maxRedirects: 0 });
    expect(signedOut.status()).toBe(307);
    expect(signedOut.headers()["location"]).toMatch(/^\/signin\?redirectTo=%2Fpartner%2Forg_[^%]+%2Fsubscriptions$/);
  });

  test("an Account admin's subscriptions link to the customer's own subscriptions", async ({ page }) => {
    await signIn(page, ALICE, "/partner");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Subscriptions" }).click();
    const premium = page.getByRole("row").filter({ hasText: "Microsoft 365 Business Premium" });
    await premium.getByRole("link", { name: "Adventure Works Cycles" }).click();
    await expect(page).toHaveURL(/\/customers\/org_[^/]+#subscriptions$/);
    await expect(page.getByTestId("subscription-Microsoft 365 Business Premium")).toBeVisible();
  });

  test("the removal page's blockers link to the subscription's own controls", async ({ page }) => {
    await signIn(page, ALICE, "/partner");
    await openAdventureWorks(page);
    await page.getByRole("link", { name: "Remove customer…" }).click();
    await page
      .getByRole("region", { name: "What blocks removal" })
      .getByRole("link", { name: /Microsoft Defender for Endpoint P2 \(120 seats\): suspend or cancel it/ })
      .click();
    await expect(page).toHaveURL(/#subscription-sub_/);
    const row = page.getByTestId("subscription-Microsoft Defender for Endpoint P2");
    await expect(row.getByRole("button", { name: "Suspend…" })).toBeVisible();
    await expect(row.getByRole("button", { name: "Cancel…" })).toBeVisible();
  });

  test("a CSV import is checked row by row before anything is written, then imports every row", async ({ browser }) => {
    const partner = await signedIn(browser, ALICE, "/partner");
    await openAdventureWorks(partner);
    await partner.getByRole("link", { name: "Import existing subscriptions from a CSV file" }).click();
    await expect(partner.getByRole("heading", { name: "Import subscriptions" })).toBeVisible();
    const csv = partner.getByLabel("Or paste the CSV");
    await csv.fill(
      "customer_domain,product,seats,term_ends,status\nadventure-works.com,Office 365 E3,12,2028-03-31,active\nfourthcoffee.com,Office 365 E3,5,2028-03-31,active",
    );
    await partner.getByRole("button", { name: "Check file" }).click();
    await expect(partner.getByText("1 of 2 rows have errors. Nothing was written", { exact: false })).toBeVisible();
    await expect(partner.getByTestId("import-line-2").getByText("Ready")).toBeVisible();
    // Fourth Coffee is Litware's and Contoso's customer, not Northwind's.
    await expect(partner.getByTestId("import-line-3").getByText("Not one of your customers (by primary domain).")).toBeVisible();
    // Import refuses a file with errors, all of it.
    await partner.getByRole("button", { name: "Import" }).click();
    await expect(partner.getByText("1 of 2 rows have errors. Nothing was written", { exact: false })).toBeVisible();

    await csv.fill("customer_domain;product;seats;term_ends\nadventure-works.com;Office 365 E3;12;2028-03-31");
    await partner.getByRole("button", { name: "Check file" }).click();
    await expect(partner.getByText("1 row is ready to import. Nothing has been written yet.")).toBeVisible();
    const since = await mailCursor();
    await partner.getByRole("button", { name: "Import" }).click();
    await expect(partner.getByRole("status").getByText("1 subscription was imported.", { exact: false }).first()).toBeVisible();
    await waitForEmail(OLIVIA, /Subscriptions recorded by Northwind Cloud Services/, since);
    await openAdventureWorks(partner);
    await expect(partner.getByTestId("subscription-Office 365 E3").getByText("Northwind Cloud Services")).toBeVisible();
  });

  test("a customer records a subscription bought under an enterprise agreement; it has no partner of record", async ({ page }) => {
    await signIn(page, OLIVIA, "/");
    await page.getByRole("link", { name: /Adventure Works Cycles/ }).click();
    const form = page.getByRole("form", { name: "Record a subscription bought elsewhere" });
    await form.getByLabel("Product").selectOption({ label: "Microsoft 365 E5" });
    await form.getByLabel("Seats").fill("15");
    await form.getByLabel("Term ends on").fill("2020-01-01");
    await form.getByRole("button", { name: "Record subscription" }).click();
    await expect(form.getByText("The term must end in the future.")).toBeVisible();
    await form.getByLabel("Term ends on").fill("2029-06-30");
    await form.getByRole("button", { name: "Record subscription" }).click();
    await expect(page.getByRole("status").getByText("Microsoft 365 E5 was recorded.")).toBeVisible();
    const row = page.getByTestId("subscription-Microsoft 365 E5");
    await expect(row.getByText("Enterprise agreement")).toBeVisible();
    await expect(row.getByRole("button", { name: "Set seats" })).toBeVisible();
    // What a partner sold stays the partner's to change.
    await expect(page.getByTestId("subscription-Microsoft 365 Business Premium").getByRole("button", { name: "Set seats" })).toHaveCount(0);
  });
});
