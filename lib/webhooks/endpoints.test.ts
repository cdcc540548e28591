import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { webhookEndpoints } from "@/db/schema";
import { execute } from "@/lib/operations/execute";
import { addMember, codeOf } from "@/lib/testing/fixtures";
import { startReceiver } from "@/lib/testing/webhook-receiver";
import { webhookTestbed } from "@/lib/testing/webhook-world";
import {
  deleteWebhookEndpoint,
  redeliverWebhook,
  replayWebhooks,
  rotateWebhookSecret,
  sendTestWebhook,
  updateWebhookEndpoint,
} from "./operations";

const w = webhookTestbed();

describe("webhook endpoint versions", () => {
  it("an update naming an older version is refused, and changes nothing", async () => {
    const endpoint = await w.addEndpoint("https://hooks.example.com/x");
    const [row] = await w.t.ctx.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    const change = (url: string, version: number) =>
      execute(updateWebhookEndpoint, w.t.ctx, w.admin, {
        organizationId: w.partner,
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
    const [after] = await w.t.ctx.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(after!.url).toBe("https://hooks.example.com/first");
    expect(after!.updatedAt.getTime()).toBeGreaterThan(version);
  });
});

describe("webhook endpoints: the three dimensions", () => {
  it("which tenant: another organization's endpoint or delivery is not found", async () => {
    w.receiver = await startReceiver();
    const endpoint = await w.addEndpoint(w.receiver.url);
    await w.invite();
    const [delivery] = await w.deliveries();
    const stranger = await addMember(w.t.ctx.db, w.other, "olga@contoso.example", ["account_admin"]);
    const ref = { organizationId: w.other, endpointId: endpoint.id };
    for (const op of [deleteWebhookEndpoint, rotateWebhookSecret, sendTestWebhook]) {
      expect(await codeOf(() => execute(op, w.t.ctx, stranger, ref))).toBe("NOT_FOUND");
    }
    expect(await codeOf(() => execute(replayWebhooks, w.t.ctx, stranger, { ...ref, since: new Date(0) }))).toBe("NOT_FOUND");
    expect(await codeOf(() => execute(redeliverWebhook, w.t.ctx, stranger, { organizationId: w.other, deliveryId: delivery!.id }))).toBe(
      "NOT_FOUND",
    );
    // Naming the endpoint's own organization without belonging to it is refused too.
    expect(
      await codeOf(() => execute(deleteWebhookEndpoint, w.t.ctx, stranger, { organizationId: w.partner, endpointId: endpoint.id })),
    ).toBe("NOT_FOUND");
  });

  it("which privilege: only who holds webhooks.manage; which moment: a removed admin can do nothing", async () => {
    const agent = await addMember(w.t.ctx.db, w.partner, "sam@northwind.example", ["admin_agent", "sales_agent", "helpdesk_agent"]);
    expect(await codeOf(() => w.addEndpoint("https://hooks.example.com/x", undefined, agent))).toBe("FORBIDDEN");
    const endpoint = await w.addEndpoint("https://hooks.example.com/x");
    const { memberships } = await import("@/db/schema");
    await w.t.ctx.db.delete(memberships).where(eq(memberships.userId, w.admin.userId));
    expect(
      await codeOf(() => execute(deleteWebhookEndpoint, w.t.ctx, w.admin, { organizationId: w.partner, endpointId: endpoint.id })),
    ).toBe("NOT_FOUND");
  });

  it("refuse plain http and private addresses unless the installation allows the host", async () => {
    w.t.ctx.config.webhookAllowedHosts = [];
    const fieldOf = async (url: string) => {
      try {
        await w.addEndpoint(url);
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
