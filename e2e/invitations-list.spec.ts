import { expect, test } from "@playwright/test";
import { signIn } from "./support/mail";

test.describe("a partner's invitations", () => {
  test("are searched by email, sorted, and filtered by status without losing the search", async ({ page }) => {
    await signIn(page, "maria.admin@fabrikam-experts.com", "/partner");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Invitations", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Invitations" })).toBeVisible();
    const emails = () =>
      page
        .locator('tr[data-testid^="invitation-"]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-testid")!.slice("invitation-".length)));

    // Sorted by email, whatever was sent first.
    await page.getByLabel("Sort by").selectOption("email");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/sort=email/);
    const sorted = await emails();
    expect(sorted.length).toBeGreaterThan(1);
    expect(sorted).toEqual([...sorted].sort());

    // A part of an address: only those that contain it.
    await page.getByLabel("Search invitations").fill("adventure-works");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/q=adventure-works/);
    const found = await emails();
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((e) => e.includes("adventure-works"))).toBe(true);

    // A status keeps the search and the order.
    await page.getByRole("navigation", { name: "Status" }).getByRole("link", { name: "Accepted" }).click();
    await expect(page).toHaveURL(/status=accepted/);
    await expect(page).toHaveURL(/q=adventure-works/);
    await expect(page).toHaveURL(/sort=email/);
    expect((await emails()).every((e) => e.includes("adventure-works"))).toBe(true);

    // Nothing matches: said so.
    await page.getByLabel("Search invitations").fill("nobody-here");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByText("No invitation matches “nobody-here”.")).toBeVisible();

    // A page past the end (an old link) is not mistaken for an empty list: back to page 1.
    await page.goto(page.url().replace(/\/invitations.*$/, "/invitations?sort=email&page=999"));
    await expect(page).toHaveURL(/sort=email&page=1$/);
    expect((await emails()).length).toBeGreaterThan(0);
  });
});
