import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { webhookDeliveries } from "@/db/schema";
import { acceptInvitation } from "@/lib/invitations/respond";
import { createInvitation, revokeInvitation } from "@/lib/invitations/service";
import { execute } from "@/lib/operations/execute";
import { addCustomer, addMember, codeOf, partneredProviderAndReseller } from "@/lib/testing/fixtures";
import { startReceiver } from "@/lib/testing/webhook-receiver";
import { webhookTestbed } from "@/lib/testing/webhook-world";
import { WEBHOOK_EVENT_TYPES } from "./events";

const w = webhookTestbed();

describe("webhook events", () => {
  it("are queued with the change, signed per Standard Webhooks, and carry the resource", async () => {
    w.receiver = await startReceiver();
    const endpoint = await w.addEndpoint(w.receiver.url);
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const { invitation } = await w.invite();
    await w.drain();
    expect(w.receiver.received).toHaveLength(1);
    const [got] = w.receiver.received;
    // An independent implementation of the specification verifies it.
    const payload = new Webhook(endpoint.secret).verify(got!.body, got!.headers) as { type: string; data: { id: string; email: string } };
    expect(payload.type).toBe("invitation-sent");
    expect(payload.data).toMatchObject({ id: invitation.id, email: invitation.email, status: "sent" });
    expect(got!.body).not.toContain("token");
    expect(() => new Webhook(endpoint.secret).verify(got!.body.replace("sent", "accepted"), got!.headers)).toThrow();
    const [row] = await w.deliveries();
    expect(row).toMatchObject({ state: "delivered", attempts: 1, lastStatus: 204, eventType: "invitation-sent" });
    expect(got!.headers["webhook-id"]).toBe(row!.id);
  });

  it("only what the endpoint subscribed to, only the organization's own, and nothing from a transaction that rolled back", async () => {
    w.receiver = await startReceiver();
    await w.addEndpoint(w.receiver.url, ["invitation-revoked"]);
    const otherAdmin = await addMember(w.t.ctx.db, w.other, "olga@contoso.example", ["account_admin"]);
    await w.addEndpoint(w.receiver.url, ["invitation-sent"], otherAdmin, w.other);
    const { invitation } = await w.invite();
    expect(await w.deliveries()).toHaveLength(0);
    // Revoking twice: the second refuses and rolls back, queuing nothing.
    await execute(revokeInvitation, w.t.ctx, w.admin, { partnerId: w.partner, invitationId: invitation.id });
    expect(await codeOf(() => execute(revokeInvitation, w.t.ctx, w.admin, { partnerId: w.partner, invitationId: invitation.id }))).not.toBe(
      "no error",
    );
    expect((await w.deliveries()).map((d) => d.eventType)).toEqual(["invitation-revoked"]);
  });
});

describe("the program's relationship events", () => {
  it("a customer's acceptance is the reseller event for the partner and the indirect one for its provider", async () => {
    const { provider, providerAdmin, reseller, resellerAdmin } = await partneredProviderAndReseller(w.t.ctx, { suffix: "2" });
    const all = [...WEBHOOK_EVENT_TYPES];
    await w.addEndpoint("https://hooks.example.com/reseller", all, resellerAdmin, reseller);
    await w.addEndpoint("https://hooks.example.com/provider", all, providerAdmin, provider);
    const customer = await addCustomer(w.t.ctx.db, { name: "Adventure Works", domain: "adventure.example" });
    const ga = await addMember(w.t.ctx.db, customer, "olivia@adventure.example", ["global_admin"]);
    const { token } = await execute(createInvitation, w.t.ctx, resellerAdmin, {
      partnerId: reseller,
      providerId: provider,
      email: ga.email,
      message: null,
      locale: "en",
    });
    await execute(acceptInvitation, w.t.ctx, ga, { token, target: "existing", customerId: customer, agreement: "on" });
    const byOrg = async (org: string) =>
      (await w.t.ctx.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.organizationId, org))).map((d) => d.eventType).sort();
    expect(await byOrg(reseller)).toEqual(["invitation-sent", "reseller-relationship-accepted-by-customer"]);
    expect(await byOrg(provider)).toEqual(["indirect-reseller-relationship-accepted-by-customer"]);
    const [event] = await w.t.ctx.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.organizationId, provider));
    expect(JSON.parse(event!.body).data).toMatchObject({
      customerId: customer,
      partnerId: provider,
      resellerId: reseller,
      state: "active",
    });
  });
});
