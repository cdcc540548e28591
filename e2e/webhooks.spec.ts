import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { startReceiver } from "../lib/testing/webhook-receiver";
import { makeKey, northwindMember } from "./support/members";
import { E2E } from "./support/ports";

/**
 * Webhooks over real HTTP: an endpoint registered on the page, an invitation made with an
 * API key, and a receiver started here that verifies every delivery with an independent
 * implementation of Standard Webhooks. The receiver first answers 503: the delivery is tried
 * again (5 s later, the first step of the schedule) and arrives once.
 */
test("an endpoint registered on the page receives a signed event for an invitation made through the API, again after a failure, once", async ({
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  const receiver = await startReceiver((n) => ({ status: n === 1 ? 503 : 200, body: n === 1 ? "busy" : "thanks" }));
  try {
    const stamp = Date.now();
    const { page, partnerId } = await northwindMember(browser, `hooks-${stamp}@northwindcloud.com`, ["account_admin", "sales_agent"]);

    await page.goto(`/partner/${partnerId}/api`);
    const form = page.getByRole("form", { name: "Add an endpoint" });
    await form.getByLabel("URL").fill(receiver.url);
    await form.getByRole("button", { name: "Add endpoint" }).click();
    await expect(form.getByText("Choose at least one event.")).toBeVisible();
    await form.locator('input[name="eventTypes"][value="invitation-sent"]').check();
    await form.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByRole("status").getByText(`Endpoint ${receiver.url} added.`)).toBeVisible();
    const secret = await page.getByLabel("Signing secret").inputValue();
    expect(secret).toMatch(/^whsec_/);

    const key = await makeKey(page, partnerId, `Hooks ${stamp}`, ["invitations.read", "invitations.write"]);
    const email = `hooked-${stamp}@contoso-hooks.example`;
    const created = await request.post("/api/v1/invitations", {
      headers: { authorization: `Bearer ${key}` },
      data: { email, locale: "en" },
    });
    expect(created.status()).toBe(201);
    const invitation = (await created.json()) as { id: string };

    await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBe(2);
    await page.waitForTimeout(2_500);
    expect(receiver.received).toHaveLength(2);
    const [first, second] = receiver.received;
    expect(first!.headers["webhook-id"]).toBe(second!.headers["webhook-id"]);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(4_000);
    const event = new Webhook(secret).verify(second!.body, second!.headers) as { type: string; data: { id: string; email: string } };
    expect(event).toMatchObject({ type: "invitation-sent", data: { id: invitation.id, email } });

    // The delivery log tells the story: delivered on the second attempt, with the answer's first bytes.
    await page.goto(`/partner/${partnerId}/api`);
    await page.getByRole("link", { name: receiver.url }).click();
    const log = page.getByRole("table", { name: "Deliveries" });
    const row = log.getByRole("row").filter({ hasText: "invitation-sent" });
    await expect(row).toContainText("Delivered");
    await expect(row).toContainText("thanks");
    await expect(row.getByRole("cell").nth(3)).toHaveText("2");

    await page.getByRole("button", { name: "Send a test event" }).click();
    await expect(page.getByRole("status").getByText(`Test event queued for ${receiver.url}.`)).toBeVisible();
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBe(3);
    expect((new Webhook(secret).verify(receiver.received[2]!.body, receiver.received[2]!.headers) as { type: string }).type).toBe(
      "webhook-test",
    );
  } finally {
    await receiver.close();
  }
});

test("the mailbox's Webhooks tab shows what the built-in receiver was sent", async ({ browser }) => {
  const stamp = Date.now();
  const { page, partnerId } = await northwindMember(browser, `tab-${stamp}@northwindcloud.com`, ["account_admin"]);
  const url = `${E2E.mailboxApi}/webhooks?run=${stamp}`;
  await page.goto(`/partner/${partnerId}/api`);
  const form = page.getByRole("form", { name: "Add an endpoint" });
  await form.getByLabel("URL").fill(url);
  await form.locator('input[name="eventTypes"][value="partner-suspended"]').check();
  await form.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByRole("status").getByText(`Endpoint ${url} added.`)).toBeVisible();
  await page.getByRole("link", { name: url }).click();
  await page.getByRole("button", { name: "Send a test event" }).click();
  await expect(page.getByRole("status").getByText("Test event queued")).toBeVisible();

  await page.goto("/mailbox");
  await page.getByRole("navigation", { name: "Mailbox views" }).getByRole("link", { name: "Webhooks" }).click();
  await expect(page).toHaveURL(/\/mailbox\/webhooks$/);
  await expect
    .poll(async () => {
      await page.reload();
      return await page.getByRole("list", { name: "Webhooks" }).getByText(partnerId).count();
    })
    .toBeGreaterThan(0);
});
