import "server-only";
import { and, count, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { ensurePermitted, type Member } from "@/lib/auth/membership";
import { DomainError } from "@/lib/errors";
import { PAGE_SIZE, toPage, type Page } from "@/lib/pagination";

export type WebhookEndpointStatus = "active" | "failing" | "disabled";

const statusOf = (e: { disabledAt: Date | null; failingSince: Date | null }): WebhookEndpointStatus =>
  e.disabledAt ? "disabled" : e.failingSince ? "failing" : "active";

/** The organization's endpoints, newest first, with how many deliveries wait or failed; never a secret. */
export async function listWebhookEndpoints(db: Db, member: Member) {
  ensurePermitted(member, "webhooks.manage");
  const rows = await db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.organizationId, member.organization.id))
    .orderBy(desc(webhookEndpoints.createdAt));
  return rows.map((e) => ({
    id: e.id,
    url: e.url,
    description: e.description,
    eventTypes: e.eventTypes,
    status: statusOf(e),
    disabledReason: e.disabledReason,
    failingSince: e.failingSince,
    createdAt: e.createdAt,
  }));
}

export type WebhookDeliveryRow = {
  id: string;
  eventType: string;
  state: (typeof webhookDeliveries.$inferSelect)["state"];
  attempts: number;
  lastStatus: number | null;
  lastDurationMs: number | null;
  lastResponse: string | null;
  lastError: string | null;
  createdAt: Date;
  nextAttemptAt: Date;
  deliveredAt: Date | null;
};

/** One endpoint and a page of its delivery log, newest first; another organization's endpoint is "not found". */
export async function webhookEndpointWithDeliveries(db: Db, member: Member, endpointId: string, page: number) {
  ensurePermitted(member, "webhooks.manage");
  const [endpoint] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.organizationId, member.organization.id)));
  if (!endpoint) throw new DomainError("NOT_FOUND");
  const [rows, [waiting]] = await Promise.all([
    db
      .select({
        id: webhookDeliveries.id,
        eventType: webhookDeliveries.eventType,
        state: webhookDeliveries.state,
        attempts: webhookDeliveries.attempts,
        lastStatus: webhookDeliveries.lastStatus,
        lastDurationMs: webhookDeliveries.lastDurationMs,
        lastResponse: webhookDeliveries.lastResponse,
        lastError: webhookDeliveries.lastError,
        createdAt: webhookDeliveries.createdAt,
        nextAttemptAt: webhookDeliveries.nextAttemptAt,
        deliveredAt: webhookDeliveries.deliveredAt,
      })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, endpoint.id))
      .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
      .limit(PAGE_SIZE + 1)
      .offset((page - 1) * PAGE_SIZE),
    db
      .select({ n: count() })
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.endpointId, endpoint.id), eq(webhookDeliveries.state, "pending"))),
  ]);
  const deliveries: Page<WebhookDeliveryRow> = toPage(rows, page);
  return {
    endpoint: {
      id: endpoint.id,
      url: endpoint.url,
      description: endpoint.description,
      eventTypes: endpoint.eventTypes,
      status: statusOf(endpoint),
      disabledReason: endpoint.disabledReason,
      failingSince: endpoint.failingSince,
      rotatingUntil: endpoint.previousSecretUntil && endpoint.previousSecretUntil > new Date() ? endpoint.previousSecretUntil : null,
      createdAt: endpoint.createdAt,
    },
    waiting: waiting?.n ?? 0,
    deliveries,
  };
}

/** One of the organization's endpoints, every column; any other id is "not found". */
export async function getWebhookEndpointOrThrow(db: Db, member: Member, id: string) {
  ensurePermitted(member, "webhooks.manage");
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.organizationId, member.organization.id)));
  if (!row) throw new DomainError("NOT_FOUND");
  return row;
}

/** The organization's endpoints, every column, newest first. */
export async function webhookEndpointRows(db: Db, member: Member) {
  ensurePermitted(member, "webhooks.manage");
  return await db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.organizationId, member.organization.id))
    .orderBy(desc(webhookEndpoints.createdAt));
}
