import { expect, test } from "@playwright/test";

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
});
