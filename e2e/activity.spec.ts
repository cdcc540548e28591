import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { sessionCookieFor, userFor, withDb } from "./support/db";
import { signIn } from "./support/mail";

/** The export read back by a well-kept parser, as a spreadsheet would split it. */
function parseCsv(text: string): string[][] {
  return parse(text, { bom: true, relax_quotes: false }) as string[][];
}

async function exportedRows(page: Page) {
  const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/csv");
  const [header, ...rows] = parseCsv(await response.text());
  expect(header).toEqual(["When", "Who", "Organization", "Customer", "Action", "Target type", "Target", "Details"]);
  return rows;
}

test.describe("activity log", () => {
  test("a partner filters its log and the CSV export holds exactly the filtered events", async ({ page }) => {
    await signIn(page, "alice.admin@northwindcloud.com", "/partner");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Activity" }).click();
    await expect(page.getByRole("heading", { name: "Activity log" })).toBeVisible();
    await page.getByLabel("Action").selectOption("reseller_relationship.created");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/action=reseller_relationship.created/);
    const table = page.getByRole("table", { name: "Activity log" });
    const shown = await table.locator("tbody tr").count();
    expect(shown).toBeGreaterThan(0);
    const rows = await exportedRows(page);
    expect(rows).toHaveLength(shown);
    expect(new Set(rows.map((r) => r[4]))).toEqual(new Set(["reseller_relationship.created"]));
    expect(new Set(rows.map((r) => r[2]))).toEqual(new Set(["Northwind Cloud Services"]));
    // The export refuses another partner's log.
    const other = await page.request.get(
      page
        .url()
        .replace(/\/partner\/[^/]+\//, "/partner/org_not_mine/")
        .replace("/activity?", "/activity/export?"),
    );
    expect(other.status()).toBe(404);
  });

  test("a partner narrows its log to one customer by typing its name or domain", async ({ page }) => {
    await signIn(page, "maria.admin@fabrikam-experts.com", "/partner");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Activity" }).click();
    await expect(page.getByRole("heading", { name: "Activity log" })).toBeVisible();
    const customer = page.getByLabel("Customer", { exact: true });
    const table = page.getByRole("table", { name: "Activity log" });

    // Both of Fabrikam's customers' domains end in .com: it asks which one.
    await customer.fill(".com");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByRole("status").filter({ hasText: "More than one customer matches “.com”" })).toBeVisible();
    await expect(table).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Export CSV" })).toHaveCount(0);
    await page.getByRole("link", { name: "Northwind Cloud Services (Corporate)" }).click();
    await expect(page).toHaveURL(/customer=org_/);
    await expect(customer).toHaveValue("Northwind Cloud Services (Corporate)");
    await expect(table.locator("tbody tr").first()).toBeVisible();
    let rows = await exportedRows(page);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r[3]))).toEqual(new Set(["Northwind Cloud Services (Corporate)"]));

    // One match filters at once.
    await customer.fill("adventure-works");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(customer).toHaveValue("Adventure Works Cycles");
    rows = await exportedRows(page);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r[3]))).toEqual(new Set(["Adventure Works Cycles"]));

    // No match: said so, and no events shown as if unfiltered.
    await customer.fill("no such customer");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByRole("status").filter({ hasText: "No customer matches “no such customer”." })).toBeVisible();
    await expect(table).toHaveCount(0);
  });

  test("a customer sees every partner's activity in its tenant", async ({ page }) => {
    await signIn(page, "olivia.it@adventure-works.com", "/");
    await page.getByRole("link", { name: /Adventure Works Cycles/ }).click();
    await page.getByRole("link", { name: "Activity log →" }).click();
    const table = page.getByRole("table", { name: "Activity log" });
    await expect(table.getByText("Northwind Cloud Services").first()).toBeVisible();
    await expect(table.getByText("Fabrikam Azure Experts").first()).toBeVisible();
    const rows = await exportedRows(page);
    expect(rows.map((r) => r[3]).every((c) => c === "Adventure Works Cycles")).toBe(true);
  });

  test("the export answers like a page: sign in first, and a refusal in the person's language", async ({ request }) => {
    const { partnerId, billing } = withDb((db) => ({
      partnerId: (db.prepare("select id from organizations where name = 'Northwind Cloud Services'").get() as { id: string }).id,
      billing: sessionCookieFor(db, userFor(db, "bill.billing@northwindcloud.com")),
    }));
    const url = `/partner/${partnerId}/activity/export`;

    const signedOut = await request.get(url, { maxRedirects: 0 });
    expect(signedOut.status()).toBe(307);
    expect(signedOut.headers()["location"]).toBe(`/signin?redirectTo=${encodeURIComponent(`/partner/${partnerId}/activity`)}`);

    // A Billing admin may not read the activity log.
    const refused = await request.get(url, { headers: { cookie: billing, "accept-language": "de-DE" } });
    expect(refused.status()).toBe(403);
    expect(await refused.text()).toBe(
      "Ihre Rolle in Northwind Cloud Services erlaubt dies nicht. Wenden Sie sich an einen Kontoadministrator Ihrer Organisation.",
    );
    const notMine = await request.get("/partner/org_not_mine/activity/export", {
      headers: { cookie: billing, "accept-language": "de-DE" },
    });
    expect(notMine.status()).toBe(404);
    expect(await notMine.text()).toBe("Diese Seite existiert nicht, oder Sie haben keinen Zugriff darauf.");
  });
});
