import { and, eq, isNull } from "drizzle-orm";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { afterCommit, type Tx } from "@/db/transaction";
import type { AuditInput } from "@/lib/audit/record";
import { resourceOf } from "@/lib/api/resources";
import { newId } from "@/lib/ids";
import { EVENTS_OF_AUDIT, TEST_EVENT, type WebhookEventType } from "./events";

// Shared through globalThis: the sender starts in instrumentation, operations run in other bundles.
const hooks = globalThis as { __prcWakeWebhooks?: () => void };

/** The server's sender (lib/webhooks/worker.ts) asks to be woken after every commit that queued a delivery. */
export function wakeOnQueuedWebhook(wake: (() => void) | undefined): void {
  hooks.__prcWakeWebhooks = wake;
}

/** Wakes this server's sender once the transaction commits (no caller needs to remember to). */
export function wakeSender(tx: Tx): void {
  const wake = hooks.__prcWakeWebhooks;
  if (wake) afterCommit(tx, wake);
}

export type WebhookEvent = { organizationId: string; type: WebhookEventType | typeof TEST_EVENT; data: unknown; at: Date };

/** The body every attempt sends: fixed when the event happens. */
export const eventBody = (e: WebhookEvent) => JSON.stringify({ type: e.type, timestamp: e.at.toISOString(), data: e.data });

async function liveEndpoints(tx: Tx, organizationId: string) {
  return await tx
    .select({ id: webhookEndpoints.id, eventTypes: webhookEndpoints.eventTypes })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.organizationId, organizationId), isNull(webhookEndpoints.disabledAt)));
}

/**
 * Queues one delivery per enabled endpoint of the organization that subscribed to the
 * event (or to the one endpoint named, for a test event), inside the caller's transaction:
 * the event leaves only if the change it reports commits.
 */
export async function queueWebhookEvent(tx: Tx, e: WebhookEvent, onlyEndpointId?: string): Promise<number> {
  const endpoints = (await liveEndpoints(tx, e.organizationId)).filter((p) =>
    onlyEndpointId ? p.id === onlyEndpointId : p.eventTypes.includes(e.type),
  );
  if (endpoints.length === 0) return 0;
  const body = eventBody(e);
  await tx.insert(webhookDeliveries).values(
    endpoints.map((p) => ({
      id: newId("msg"),
      endpointId: p.id,
      organizationId: e.organizationId,
      eventType: e.type,
      body,
      state: "pending" as const,
      nextAttemptAt: e.at,
      createdAt: e.at,
    })),
  );
  wakeSender(tx);
  return endpoints.length;
}

/** Called by recordAudit for every activity-log entry: the entries that are events are queued with it. */
export async function queueEventsOfAudit(tx: Tx, entry: AuditInput): Promise<void> {
  const types = EVENTS_OF_AUDIT[entry.action];
  if (!types) return;
  // Most organizations have no endpoint: find out before reading the resource.
  const endpoints = await liveEndpoints(tx, entry.organizationId);
  if (!endpoints.some((p) => types.some((t) => p.eventTypes.includes(t) || indirectTwin(t, p.eventTypes)))) return;
  const data = await resourceOf(tx, entry.organizationId, entry.targetType, entry.targetId, entry.at);
  if (data === undefined) return;
  for (const type of types) {
    await queueWebhookEvent(tx, {
      organizationId: entry.organizationId,
      type: directOrIndirect(type, entry.organizationId, data),
      data,
      at: entry.at,
    });
  }
}

/** A customer who accepted an indirect reseller's invitation is, for its indirect provider, the indirect event. */
function directOrIndirect(type: WebhookEventType, organizationId: string, data: unknown): WebhookEventType {
  if (type !== "reseller-relationship-accepted-by-customer") return type;
  // The provider's own row names the reseller that brought the customer.
  const r = data as { partnerId: string; resellerId: string | null };
  return r.resellerId && r.partnerId === organizationId ? "indirect-reseller-relationship-accepted-by-customer" : type;
}

const indirectTwin = (type: WebhookEventType, subscribed: string[]) =>
  type === "reseller-relationship-accepted-by-customer" && subscribed.includes("indirect-reseller-relationship-accepted-by-customer");
