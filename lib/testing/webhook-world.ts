import { webhookDeliveries } from "@/db/schema";
import { createInvitation } from "@/lib/invitations/service";
import { execute } from "@/lib/operations/execute";
import { deliverDueWebhooks } from "@/lib/webhooks/deliver";
import { createWebhookEndpoint } from "@/lib/webhooks/operations";
import { safePost } from "@/lib/webhooks/outbound";
import { addMember, addPartner, testContext } from "./fixtures";
import { afterEach, beforeEach } from "vitest";
import type { startReceiver } from "./webhook-receiver";

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;

/** Sends to the tests' receivers on loopback, which the installation allows here. */
export const loopbackPost = safePost(["127.0.0.1"]);

/**
 * Two partners, Northwind with its Account admin Ada, in real time (receivers check the
 * signature's timestamp against their own clock), and the helpers the webhook tests share.
 */
export async function webhookWorld() {
  const t = await testContext(new Date());
  t.ctx.config.webhookAllowedHosts = ["127.0.0.1"];
  const partner = await addPartner(t.ctx.db, { name: "Northwind", domain: "northwind.example" });
  const other = await addPartner(t.ctx.db, { name: "Contoso", domain: "contoso.example" });
  const admin = await addMember(t.ctx.db, partner, "ada@northwind.example", ["account_admin"]);
  return {
    t,
    partner,
    other,
    admin,
    addEndpoint: async (
      url: string,
      eventTypes: string[] = ["invitation-sent", "invitation-revoked"],
      by = admin,
      organizationId = partner,
    ) => await execute(createWebhookEndpoint, t.ctx, by, { organizationId, url, eventTypes: eventTypes as never, description: undefined }),
    invite: async () =>
      await execute(createInvitation, t.ctx, admin, {
        partnerId: partner,
        email: `x${Math.random()}@fabrikam.example`,
        message: null,
        locale: "en",
      }),
    /** Sends until nothing is due. */
    drain: async () => {
      while ((await deliverDueWebhooks(t.ctx, loopbackPost)) > 0) {
        /* until nothing is due */
      }
    },
    deliveries: async () => await t.ctx.db.select().from(webhookDeliveries),
  };
}
export type WebhookWorld = Awaited<ReturnType<typeof webhookWorld>>;

/**
 * A fresh world before each test of the file, and its receiver (if the test started one)
 * closed after: `w.t`, `w.partner`, `w.addEndpoint(…)`, `w.receiver = await startReceiver()`.
 */
export function webhookTestbed(): WebhookWorld & { receiver?: Receiver } {
  const w = {} as WebhookWorld & { receiver?: Receiver };
  beforeEach(async () => {
    Object.assign(w, await webhookWorld(), { receiver: undefined });
  });
  afterEach(async () => await w.receiver?.close());
  return w;
}
