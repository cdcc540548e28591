import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { firstRow } from "@/db/query";
import { memberships, users, webhookEndpoints } from "@/db/schema";
import { systemClock } from "@/lib/clock";
import { execute } from "@/lib/operations/execute";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/events";
import { createWebhookEndpoint, updateWebhookEndpoint } from "@/lib/webhooks/operations";
import { DEMO_KEY_MAKER } from "./demo-key";

/** How the demo's endpoint is told apart from those a person adds. */
export const DEMO_RECEIVER_DESCRIPTION = "Built-in demo receiver (npm run demo): see the mailbox's Webhooks tab";

/**
 * Points Northwind's demo endpoint at the built-in receiver of this run (its port may change
 * between runs), subscribed to every event, through the page's own operations: a newcomer
 * sees each delivery arrive in the mailbox's Webhooks tab.
 */
export async function demoWebhookEndpoint(db: Db, receiverUrl: string): Promise<void> {
  const maker = await firstRow(
    db
      .select({ userId: users.id, email: users.email, organizationId: memberships.organizationId })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .where(eq(users.email, DEMO_KEY_MAKER)),
  );
  if (!maker) return;
  const actor = { userId: maker.userId, email: maker.email };
  const ctx = {
    db,
    now: systemClock,
    config: { invitationTtlDays: 14, publicBaseUrl: "", webhookAllowedHosts: [new URL(receiverUrl).hostname] },
  };
  const existing = await firstRow(
    db
      .select({ id: webhookEndpoints.id })
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.organizationId, maker.organizationId), eq(webhookEndpoints.description, DEMO_RECEIVER_DESCRIPTION))),
  );
  const endpoint = {
    organizationId: maker.organizationId,
    url: receiverUrl,
    description: DEMO_RECEIVER_DESCRIPTION,
    eventTypes: [...WEBHOOK_EVENT_TYPES],
  };
  if (existing) await execute(updateWebhookEndpoint, ctx, actor, { ...endpoint, endpointId: existing.id, enabled: true });
  else await execute(createWebhookEndpoint, ctx, actor, endpoint);
}
