import { expect, test } from "@playwright/test";
import { E2E } from "./support/ports";
import { sessionCookieFor, userFor, withDb } from "./support/db";

/** Renames a table away while `fn` runs: the running server's next read of it fails, as on a broken disk. */
async function withTableGone(table: string, fn: () => Promise<void>) {
  withDb((db) => db.exec(`alter table ${table} rename to ${table}_gone`));
  try {
    await fn();
  } finally {
    withDb((db) => db.exec(`alter table ${table}_gone rename to ${table}`));
  }
}

test.describe("languages", () => {
  test("the UI follows the browser's language, then the person's choice", async ({ browser }) => {
    const context = await browser.newContext({ locale: "de-DE" });
    const page = await context.newPage();
    await page.goto("/signin");
    await expect(page.getByRole("heading", { name: "Anmelden" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "de");

    await page.getByLabel("Sprache").selectOption("ru");
    await page.getByRole("button", { name: "Übernehmen" }).click();
    await expect(page.getByRole("heading", { name: "Вход" })).toBeVisible();
    // The choice sticks across pages, over the browser's preference.
    await page.goto("/");
    await expect(page.getByRole("link", { name: "Войти" }).first()).toBeVisible();

    await page.getByLabel("Язык").selectOption("zh-CN");
    await page.getByRole("button", { name: "Применить" }).click();
    await expect(page.getByRole("heading", { name: "合作伙伴关系中心" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  });

  test("validation messages are translated and shown beside the field", async ({ browser }) => {
    const page = await (await browser.newContext({ locale: "ru-RU" })).newPage();
    await page.goto("/signin");
    await page.getByLabel("Рабочий адрес электронной почты").fill("not-an-email");
    await page.getByRole("button", { name: "Отправить ссылку для входа" }).click();
    const field = page.getByLabel("Рабочий адрес электронной почты");
    await expect(page.getByText("Введите адрес вида name@example.com.")).toBeVisible();
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveValue("not-an-email");
  });

  test("a failing database shows the error in the person's language: inside the page, or alone when the header failed", async ({
    browser,
  }) => {
    const { cookie, partnerId } = withDb((db) => ({
      cookie: sessionCookieFor(db, userFor(db, "alice.admin@northwindcloud.com")),
      partnerId: (db.prepare("select id from organizations where name = 'Northwind Cloud Services'").get() as { id: string }).id,
    }));
    const context = await browser.newContext({ locale: "de-DE" });
    const [name, value] = cookie.split("=");
    await context.addCookies([{ name, value, url: E2E.baseUrl }]);
    const page = await context.newPage();
    const unexpected = page.getByText("Etwas ist schiefgelaufen. Es wurde nichts geändert. Bitte versuchen Sie es erneut.");

    // Only the page's own data fails: the header stays, the message takes the page's place.
    await withTableGone("security_groups", async () => {
      await page.goto(`/partner/${partnerId}/groups`);
      await expect(unexpected).toBeVisible();
      await expect(page.getByRole("banner")).toContainText("alice.admin@northwindcloud.com");
    });

    // The header's own read fails (the session): still the translated message, never Next's English page.
    await withTableGone("sessions", async () => {
      await page.goto(`/partner/${partnerId}/customers`);
      await expect(unexpected).toBeVisible();
      await expect(page.getByRole("button", { name: "Zurück" })).toBeVisible();
      await expect(page.getByRole("banner")).toHaveCount(0);
      await expect(page.getByText("This page couldn’t load")).toHaveCount(0);
      await expect(page.locator("html")).toHaveAttribute("lang", "de");
    });

    await page.goto(`/partner/${partnerId}/customers`);
    await expect(page.getByRole("heading", { name: "Kunden", exact: true })).toBeVisible();
  });
});
