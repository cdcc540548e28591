import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditEvents, emailOutbox, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import type { Actor } from "@/lib/auth/membership";
import { createInvitation, revokeInvitation } from "@/lib/invitations/service";
import { execute } from "@/lib/operations/execute";
import { acceptInvitation } from "@/lib/invitations/respond";
import { addCustomer, addMember, addPartner, codeOf, DAY, partneredProviderAndReseller, testContext } from "@/lib/testing/fixtures";
import { WEBHOOK_EVENT_TYPES } from "./events";
import { startReceiver } from "@/lib/testing/webhook-receiver";
import { deliverDueWebhooks, FAILING_DISABLE_MS, MAX_ATTEMPTS, RETRY_DELAYS_MS } from "./deliver";
import { isPublicAddress, OutboundRefused, RESPONSE_BYTES, safePost } from "./outbound";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  redeliverWebhook,
  replayWebhooks,
  rotateWebhookSecret,
  sendTestWebhook,
  updateWebhookEndpoint,
} from "./operations";

let t: Awaited<ReturnType<typeof testContext>>;
let partner: string;
let other: string;
let admin: Actor;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const post = safePost(["127.0.0.1"]);

beforeEach(async () => {
  // Real time: receivers check the signature's timestamp against their own clock.
  t = await testContext(new Date());
  t.ctx.config.webhookAllowedHosts = ["127.0.0.1"];
  partner = await addPartner(t.ctx.db, { name: "Northwind", domain: "northwind.example" });
  other = await addPartner(t.ctx.db, { name: "Contoso", domain: "contoso.example" });
  admin = await addMember(t.ctx.db, partner, "ada@northwind.example", ["account_admin"]);
});
afterEach(async () => await receiver?.close());

const addEndpoint = async (
  url: string,
  eventTypes: string[] = ["invitation-sent", "invitation-revoked"],
  by = admin,
  organizationId = partner,
) => await execute(createWebhookEndpoint, t.ctx, by, { organizationId, url, eventTypes: eventTypes as never, description: undefined });
const invite = () =>
  execute(createInvitation, t.ctx, admin, { partnerId: partner, email: `x${Math.random()}@fabrikam.example`, message: null, locale: "en" });
const drain = async () => {
  while ((await deliverDueWebhooks(t.ctx, post)) > 0) {
    /* until nothing is due */
  }
};
const deliveries = () => t.ctx.db.select().from(webhookDeliveries);

describe("webhook events", () => {
  it("are queued with the change, signed per Standard Webhooks, and carry the resource", async () => {
    receiver = await startReceiver();
    const endpoint = await addEndpoint(receiver.url);
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const { invitation } = await invite();
    await drain();
    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    // An independent implementation of the specification verifies it.
    const payload = new Webhook(endpoint.secret).verify(got!.body, got!.headers) as { type: string; data: { id: string; email: string } };
    expect(payload.type).toBe("invitation-sent");
    expect(payload.data).toMatchObject({ id: invitation.id, email: invitation.email, status: "sent" });
    expect(got!.body).not.toContain("token");
    expect(() => new Webhook(endpoint.secret).verify(got!.body.replace("sent", "accepted"), got!.headers)).toThrow();
    const [row] = await deliveries();
    expect(row).toMatchObject({ state: "delivered", attempts: 1, lastStatus: 204, eventType: "invitation-sent" });
    expect(got!.headers["webhook-id"]).toBe(row!.id);
  });

  it("only what the endpoint subscribed to, only the organization's own, and nothing from a transaction that rolled back", async () => {
    receiver = await startReceiver();
    await addEndpoint(receiver.url, ["invitation-revoked"]);
    const otherAdmin = await addMember(t.ctx.db, other, "olga@contoso.example", ["account_admin"]);
    await addEndpoint(receiver.url, ["invitation-sent"], otherAdmin, other);
    const { invitation } = await invite();
    expect(await deliveries()).toHaveLength(0);
    // Revoking twice: the second refuses and rolls back, queuing nothing.
    await execute(revokeInvitation, t.ctx, admin, { partnerId: partner, invitationId: invitation.id });
    expect(await codeOf(() => execute(revokeInvitation, t.ctx, admin, { partnerId: partner, invitationId: invitation.id }))).not.toBe(
      "no error",
    );
    expect((await deliveries()).map((d) => d.eventType)).toEqual(["invitation-revoked"]);
  });

  it("are retried on Svix's schedule while the receiver fails, and arrive once when it answers", async () => {
    receiver = await startReceiver((n) => ({ status: n <= 2 ? 503 : 200, body: "ok" }));
    const endpoint = await addEndpoint(receiver.url);
    await invite();
    await drain();
    let [row] = await deliveries();
    expect(row).toMatchObject({ state: "pending", attempts: 1, lastStatus: 503 });
    expect(row!.nextAttemptAt.getTime() - t.ctx.now().getTime()).toBeGreaterThanOrEqual(RETRY_DELAYS_MS[0] - 1000);
    const [failing] = await t.ctx.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(failing!.failingSince).not.toBeNull();
    t.advance(RETRY_DELAYS_MS[0]);
    await drain();
    t.advance(RETRY_DELAYS_MS[1]);
    await drain();
    t.advance(RETRY_DELAYS_MS[2]);
    await drain();
    [row] = await deliveries();
    expect(row).toMatchObject({ state: "delivered", attempts: 3, lastStatus: 200, lastResponse: "ok" });
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => r.headers["webhook-id"])).size).toBe(1);
    const [healthy] = await t.ctx.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(healthy!.failingSince).toBeNull();
  });

  it("fail after the last attempt, and an endpoint failing for five days is switched off and its admins emailed", async () => {
    receiver = await startReceiver(() => ({ status: 500 }));
    const endpoint = await addEndpoint(receiver.url);
    await invite();
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await drain();
      t.advance(RETRY_DELAYS_MS[i] ?? 0);
    }
    expect((await deliveries())[0]).toMatchObject({ state: "failed", attempts: MAX_ATTEMPTS });
    t.advance(FAILING_DISABLE_MS);
    await invite();
    await drain();
    const [off] = await t.ctx.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(off).toMatchObject({ disabledReason: "failing" });
    const mail = await t.ctx.db.select().from(emailOutbox).where(eq(emailOutbox.kind, "webhook_disabled"));
    expect(mail.map((m) => m.toAddress)).toEqual(["ada@northwind.example"]);
    // Switched off, nothing more is attempted.
    const before = receiver.received.length;
    await invite();
    await drain();
    expect(receiver.received.length).toBe(before);
  });

  it("410 Gone switches the endpoint off at once; nothing is queued for it while it is off; switched on, it gets events again", async () => {
    let gone = true;
    receiver = await startReceiver(() => ({ status: gone ? 410 : 200 }));
    const endpoint = await addEndpoint(receiver.url);
    await invite();
    await drain();
    const [off] = await t.ctx.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(off).toMatchObject({ disabledReason: "gone" });
    const [audit] = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, "webhook_endpoint.disabled"));
    expect(audit).toMatchObject({ actorUserId: null, targetId: endpoint.id });
    await invite();
    await drain();
    expect(receiver.received).toHaveLength(1);
    expect(await deliveries()).toHaveLength(1);
    expect(await codeOf(() => execute(sendTestWebhook, t.ctx, admin, { organizationId: partner, endpointId: endpoint.id }))).toBe(
      "WEBHOOK_DISABLED",
    );
    gone = false;
    await execute(updateWebhookEndpoint, t.ctx, admin, {
      organizationId: partner,
      endpointId: endpoint.id,
      url: receiver.url,
      eventTypes: ["invitation-sent"],
      enabled: true,
      description: undefined,
    });
    await invite();
    await drain();
    expect(receiver.received).toHaveLength(2);
    expect(await codeOf(() => execute(sendTestWebhook, t.ctx, admin, { organizationId: partner, endpointId: endpoint.id }))).toBe(
      "no error",
    );
  });

  it("an update naming an older version is refused, and changes nothing", async () => {
    const endpoint = await addEndpoint("https://hooks.example.com/x");
    const [row] = await t.ctx.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    const change = (url: string, version: number) =>
      execute(updateWebhookEndpoint, t.ctx, admin, {
        organizationId: partner,
        endpointId: endpoint.id,
        url,
        eventTypes: ["invitation-sent"],
        enabled: true,
        description: undefined,
        version,
      });
    const version = row!.updatedAt.getTime();
    await change("https://hooks.example.com/first", version);
    expect(await codeOf(() => change("https://hooks.example.com/second", version))).toBe("PRECONDITION_FAILED");
    const [after] = await t.ctx.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(after!.url).toBe("https://hooks.example.com/first");
    expect(after!.updatedAt.getTime()).toBeGreaterThan(version);
  });

  it("sign with both secrets for a day after a rotation", async () => {
    receiver = await startReceiver();
    const endpoint = await addEndpoint(receiver.url);
    const { secret } = await execute(rotateWebhookSecret, t.ctx, admin, { organizationId: partner, endpointId: endpoint.id });
    await execute(sendTestWebhook, t.ctx, admin, { organizationId: partner, endpointId: endpoint.id });
    await drain();
    const [got] = receiver.received;
    expect(got!.headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect((new Webhook(secret).verify(got!.body, got!.headers) as { type: string }).type).toBe("webhook-test");
    expect(() => new Webhook(endpoint.secret).verify(got!.body, got!.headers)).not.toThrow();
  });

  it("can be sent again, one or all since a moment, under the same id", async () => {
    receiver = await startReceiver();
    const endpoint = await addEndpoint(receiver.url);
    await invite();
    await invite();
    await drain();
    const [first] = await deliveries();
    await execute(redeliverWebhook, t.ctx, admin, { organizationId: partner, deliveryId: first!.id });
    await drain();
    expect(receiver.received.map((r) => r.headers["webhook-id"]).filter((id) => id === first!.id)).toHaveLength(2);
    const { count } = await execute(replayWebhooks, t.ctx, admin, {
      organizationId: partner,
      endpointId: endpoint.id,
      since: new Date(t.ctx.now().getTime() - DAY),
    });
    expect(count).toBe(2);
    await drain();
    expect(receiver.received).toHaveLength(5);
  });

  it("are claimed once when two senders run side by side", async () => {
    receiver = await startReceiver();
    await addEndpoint(receiver.url);
    for (let i = 0; i < 10; i++) await invite();
    await Promise.all([drain(), drain(), drain()]);
    expect(receiver.received).toHaveLength(10);
    expect(new Set(receiver.received.map((r) => r.headers["webhook-id"])).size).toBe(10);
  });
});

describe("the program's relationship events", () => {
  it("a customer's acceptance is the reseller event for the partner and the indirect one for its provider", async () => {
    const { provider, providerAdmin, reseller, resellerAdmin } = await partneredProviderAndReseller(t.ctx, { suffix: "2" });
    const all = [...WEBHOOK_EVENT_TYPES];
    await addEndpoint("https://hooks.example.com/reseller", all, resellerAdmin, reseller);
    await addEndpoint("https://hooks.example.com/provider", all, providerAdmin, provider);
    const customer = await addCustomer(t.ctx.db, { name: "Adventure Works", domain: "adventure.example" });
    const ga = await addMember(t.ctx.db, customer, "olivia@adventure.example", ["global_admin"]);
    const { token } = await execute(createInvitation, t.ctx, resellerAdmin, {
      partnerId: reseller,
      providerId: provider,
      email: ga.email,
      message: null,
      locale: "en",
    });
    await execute(acceptInvitation, t.ctx, ga, { token, target: "existing", customerId: customer, agreement: "on" });
    const byOrg = async (org: string) =>
      (await t.ctx.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.organizationId, org))).map((d) => d.eventType).sort();
    expect(await byOrg(reseller)).toEqual(["invitation-sent", "reseller-relationship-accepted-by-customer"]);
    expect(await byOrg(provider)).toEqual(["indirect-reseller-relationship-accepted-by-customer"]);
    const [event] = await t.ctx.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.organizationId, provider));
    expect(JSON.parse(event!.body).data).toMatchObject({
      customerId: customer,
      partnerId: provider,
      resellerId: reseller,
      state: "active",
    });
  });
});

describe("webhook endpoints: the three dimensions", () => {
  it("which tenant: another organization's endpoint or delivery is not found", async () => {
    receiver = await startReceiver();
    const endpoint = await addEndpoint(receiver.url);
    await invite();
    const [delivery] = await deliveries();
    const stranger = await addMember(t.ctx.db, other, "olga@contoso.example", ["account_admin"]);
    const ref = { organizationId: other, endpointId: endpoint.id };
    for (const op of [deleteWebhookEndpoint, rotateWebhookSecret, sendTestWebhook]) {
      expect(await codeOf(() => execute(op, t.ctx, stranger, ref))).toBe("NOT_FOUND");
    }
    expect(await codeOf(() => execute(replayWebhooks, t.ctx, stranger, { ...ref, since: new Date(0) }))).toBe("NOT_FOUND");
    expect(await codeOf(() => execute(redeliverWebhook, t.ctx, stranger, { organizationId: other, deliveryId: delivery!.id }))).toBe(
      "NOT_FOUND",
    );
    // Naming the endpoint's own organization without belonging to it is refused too.
    expect(await codeOf(() => execute(deleteWebhookEndpoint, t.ctx, stranger, { organizationId: partner, endpointId: endpoint.id }))).toBe(
      "NOT_FOUND",
    );
  });

  it("which privilege: only who holds webhooks.manage; which moment: a removed admin can do nothing", async () => {
    const agent = await addMember(t.ctx.db, partner, "sam@northwind.example", ["admin_agent", "sales_agent", "helpdesk_agent"]);
    expect(await codeOf(() => addEndpoint("https://hooks.example.com/x", undefined, agent))).toBe("FORBIDDEN");
    const endpoint = await addEndpoint("https://hooks.example.com/x");
    const { memberships } = await import("@/db/schema");
    await t.ctx.db.delete(memberships).where(eq(memberships.userId, admin.userId));
    expect(await codeOf(() => execute(deleteWebhookEndpoint, t.ctx, admin, { organizationId: partner, endpointId: endpoint.id }))).toBe(
      "NOT_FOUND",
    );
  });

  it("refuse plain http and private addresses unless the installation allows the host", async () => {
    t.ctx.config.webhookAllowedHosts = [];
    const fieldOf = async (url: string) => {
      try {
        await addEndpoint(url);
        return "ok";
      } catch (e) {
        return (e as { fieldErrors?: Record<string, string[]> }).fieldErrors?.url?.[0];
      }
    };
    expect(await fieldOf("http://hooks.example.com/x")).toBe("webhookHttps");
    expect(await fieldOf("https://10.0.0.8/x")).toBe("webhookPrivate");
    expect(await fieldOf("https://[::1]/x")).toBe("webhookPrivate");
    expect(await fieldOf("https://169.254.169.254/latest/meta-data")).toBe("webhookPrivate");
    expect(await fieldOf("https://hooks.example.com/x")).toBe("ok");
  });
});

describe("outbound safety", () => {
  it("knows public addresses from private, loopback, link-local and mapped ones", () => {
    for (const a of [
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.1",
      "127.0.0.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fd00::1",
      "fe80::1",
      "::ffff:127.0.0.1",
      "::ffff:10.0.0.1",
    ])
      expect(isPublicAddress(a), a).toBe(false);
    for (const a of ["8.8.8.8", "1.1.1.1", "2001:4860:4860::8888", "::ffff:8.8.8.8"]) expect(isPublicAddress(a), a).toBe(true);
  });

  it("refuses loopback by address and by name when the host is not allowed, follows no redirect, and reads only the first bytes", async () => {
    receiver = await startReceiver((n) =>
      n === 1 ? { status: 302, location: "http://127.0.0.1:1/elsewhere" } : { status: 200, body: "x".repeat(100_000) },
    );
    const strict = safePost([]);
    await expect(strict(receiver.url, {}, "{}")).rejects.toBeInstanceOf(OutboundRefused);
    await expect(strict(`http://localhost:${receiver.port}/hooks`, {}, "{}")).rejects.toBeInstanceOf(OutboundRefused);
    expect(receiver.received).toHaveLength(0);
    expect((await post(receiver.url, {}, "{}")).status).toBe(302);
    const big = await post(receiver.url, {}, "{}");
    expect(big.status).toBe(200);
    expect(big.response.length).toBeLessThanOrEqual(RESPONSE_BYTES);
    expect(receiver.received).toHaveLength(2);
    await expect(post("ftp://127.0.0.1/x", {}, "{}")).rejects.toBeInstanceOf(OutboundRefused);
  });
});
