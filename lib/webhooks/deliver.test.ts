import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { auditEvents, emailOutbox, webhookEndpoints } from "@/db/schema";
import { execute } from "@/lib/operations/execute";
import { codeOf, DAY } from "@/lib/testing/fixtures";
import { startReceiver } from "@/lib/testing/webhook-receiver";
import { webhookTestbed } from "@/lib/testing/webhook-world";
import { FAILING_DISABLE_MS, MAX_ATTEMPTS, RETRY_DELAYS_MS } from "./deliver";
import { redeliverWebhook, replayWebhooks, rotateWebhookSecret, sendTestWebhook, updateWebhookEndpoint } from "./operations";

const w = webhookTestbed();

describe("webhook delivery", () => {
  it("are retried on Svix's schedule while the receiver fails, and arrive once when it answers", async () => {
    w.receiver = await startReceiver((n) => ({ status: n <= 2 ? 503 : 200, body: "ok" }));
    const endpoint = await w.addEndpoint(w.receiver.url);
    await w.invite();
    await w.drain();
    let [row] = await w.deliveries();
    expect(row).toMatchObject({ state: "pending", attempts: 1, lastStatus: 503 });
    expect(row!.nextAttemptAt.getTime() - w.t.ctx.now().getTime()).toBeGreaterThanOrEqual(RETRY_DELAYS_MS[0] - 1000);
    const [failing] = await w.t.ctx.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(failing!.failingSince).not.toBeNull();
    w.t.advance(RETRY_DELAYS_MS[0]);
    await w.drain();
    w.t.advance(RETRY_DELAYS_MS[1]);
    await w.drain();
    w.t.advance(RETRY_DELAYS_MS[2]);
    await w.drain();
    [row] = await w.deliveries();
    expect(row).toMatchObject({ state: "delivered", attempts: 3, lastStatus: 200, lastResponse: "ok" });
    expect(w.receiver.received).toHaveLength(3);
    expect(new Set(w.receiver.received.map((r) => r.headers["webhook-id"])).size).toBe(1);
    const [healthy] = await w.t.ctx.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(healthy!.failingSince).toBeNull();
  });

  it("fail after the last attempt, and an endpoint failing for five days is switched off and its admins emailed", async () => {
    w.receiver = await startReceiver(() => ({ status: 500 }));
    const endpoint = await w.addEndpoint(w.receiver.url);
    await w.invite();
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await w.drain();
      w.t.advance(RETRY_DELAYS_MS[i] ?? 0);
    }
    expect((await w.deliveries())[0]).toMatchObject({ state: "failed", attempts: MAX_ATTEMPTS });
    w.t.advance(FAILING_DISABLE_MS);
    await w.invite();
    await w.drain();
    const [off] = await w.t.ctx.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(off).toMatchObject({ disabledReason: "failing" });
    const mail = await w.t.ctx.db.select().from(emailOutbox).where(eq(emailOutbox.kind, "webhook_disabled"));
    expect(mail.map((m) => m.toAddress)).toEqual(["ada@northwind.example"]);
    // Switched off, nothing more is attempted.
    const before = w.receiver.received.length;
    await w.invite();
    await w.drain();
    expect(w.receiver.received.length).toBe(before);
  });

  it("410 Gone switches the endpoint off at once; nothing is queued for it while it is off; switched on, it gets events again", async () => {
    let gone = true;
    w.receiver = await startReceiver(() => ({ status: gone ? 410 : 200 }));
    const endpoint = await w.addEndpoint(w.receiver.url);
    await w.invite();
    await w.drain();
    const [off] = await w.t.ctx.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(off).toMatchObject({ disabledReason: "gone" });
    const [audit] = await w.t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, "webhook_endpoint.disabled"));
    expect(audit).toMatchObject({ actorUserId: null, targetId: endpoint.id });
    await w.invite();
    await w.drain();
    expect(w.receiver.received).toHaveLength(1);
    expect(await w.deliveries()).toHaveLength(1);
    expect(await codeOf(() => execute(sendTestWebhook, w.t.ctx, w.admin, { organizationId: w.partner, endpointId: endpoint.id }))).toBe(
      "WEBHOOK_DISABLED",
    );
    gone = false;
    await execute(updateWebhookEndpoint, w.t.ctx, w.admin, {
      organizationId: w.partner,
      endpointId: endpoint.id,
      url: w.receiver.url,
      eventTypes: ["invitation-sent"],
      enabled: true,
      description: undefined,
    });
    await w.invite();
    await w.drain();
    expect(w.receiver.received).toHaveLength(2);
    expect(await codeOf(() => execute(sendTestWebhook, w.t.ctx, w.admin, { organizationId: w.partner, endpointId: endpoint.id }))).toBe(
      "no error",
    );
  });

  it("sign with both secrets for a day after a rotation", async () => {
    w.receiver = await startReceiver();
    const endpoint = await w.addEndpoint(w.receiver.url);
    const { secret } = await execute(rotateWebhookSecret, w.t.ctx, w.admin, { organizationId: w.partner, endpointId: endpoint.id });
    await execute(sendTestWebhook, w.t.ctx, w.admin, { organizationId: w.partner, endpointId: endpoint.id });
    await w.drain();
    const [got] = w.receiver.received;
    expect(got!.headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect((new Webhook(secret).verify(got!.body, got!.headers) as { type: string }).type).toBe("webhook-test");
    expect(() => new Webhook(endpoint.secret).verify(got!.body, got!.headers)).not.toThrow();
  });

  it("can be sent again, one or all since a moment, under the same id", async () => {
    w.receiver = await startReceiver();
    const endpoint = await w.addEndpoint(w.receiver.url);
    await w.invite();
    await w.invite();
    await w.drain();
    const [first] = await w.deliveries();
    await execute(redeliverWebhook, w.t.ctx, w.admin, { organizationId: w.partner, deliveryId: first!.id });
    await w.drain();
    expect(w.receiver.received.map((r) => r.headers["webhook-id"]).filter((id) => id === first!.id)).toHaveLength(2);
    const { count } = await execute(replayWebhooks, w.t.ctx, w.admin, {
      organizationId: w.partner,
      endpointId: endpoint.id,
      since: new Date(w.t.ctx.now().getTime() - DAY),
    });
    expect(count).toBe(2);
    await w.drain();
    expect(w.receiver.received).toHaveLength(5);
  });

  it("are claimed once when two senders run side by side", async () => {
    w.receiver = await startReceiver();
    await w.addEndpoint(w.receiver.url);
    for (let i = 0; i < 10; i++) await w.invite();
    await Promise.all([w.drain(), w.drain(), w.drain()]);
    expect(w.receiver.received).toHaveLength(10);
    expect(new Set(w.receiver.received.map((r) => r.headers["webhook-id"])).size).toBe(10);
  });
});
