import { and, eq, gte, inArray } from "drizzle-orm";
import { checkVersion, nextVersion } from "@/lib/operations/version";
import ipaddr from "ipaddr.js";
import { firstRow } from "@/db/query";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import type { Tx } from "@/db/transaction";
import { recordAudit } from "@/lib/audit/record";
import type { Actor, Member } from "@/lib/auth/membership";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { defineOperation } from "@/lib/operations/define";
import { TEST_EVENT } from "./events";
import { allowedHost, isPublicAddress } from "./outbound";
import { queueWebhookEvent, wakeSender } from "./queue";
import {
  createWebhookEndpointSchema,
  replayWebhooksSchema,
  updateWebhookEndpointSchema,
  webhookDeliveryRefSchema,
  webhookEndpointRefSchema,
  type CreateWebhookEndpointInput,
} from "./schemas";
import { newWebhookSecret } from "./signature";

const DAY = 86_400_000;
/** After a rotation the previous secret signs too, for this long, so receivers can switch without missing a message. */
export const ROTATION_OVERLAP_MS = DAY;

/**
 * An endpoint's address: https, and an address written in it must be public; only the hosts
 * the installation allows (its own receivers) may use plain http or a private address. Names
 * are checked again at every delivery, when they are resolved.
 */
function checkUrl(url: string, allowed: readonly string[]): void {
  const u = new URL(url);
  if (allowedHost(u.hostname, allowed)) return;
  if (u.protocol !== "https:") throw new DomainError("VALIDATION", {}, { url: ["webhookHttps"] });
  const literal = u.hostname.replace(/^\[|\]$/g, "");
  if (ipaddr.isValid(literal) && !isPublicAddress(literal)) throw new DomainError("VALIDATION", {}, { url: ["webhookPrivate"] });
}

async function ownEndpoint(tx: Tx, member: Member, endpointId: string) {
  const endpoint = await firstRow(
    tx
      .select()
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.organizationId, member.organization.id))),
  );
  if (!endpoint) throw new DomainError("NOT_FOUND");
  return endpoint;
}

/** The activity-log entry of a change to an endpoint, naming it by its address. */
async function auditEndpoint(
  ctx: { tx: Tx; actor: Actor; now: () => Date },
  endpoint: { id: string; organizationId: string; url: string },
  action: "created" | "changed" | "deleted" | "secret_rotated" | "test_sent" | "replayed",
  details: Record<string, string | number> = {},
) {
  await recordAudit(ctx.tx, {
    organizationId: endpoint.organizationId,
    actor: ctx.actor,
    action: `webhook_endpoint.${action}`,
    targetType: "webhook_endpoint",
    targetId: endpoint.id,
    details: { url: endpoint.url, ...details },
    at: ctx.now(),
  });
}

/** Registers an endpoint; its signing secret is returned once (the page shows it, the API answers it). */
export const createWebhookEndpoint = defineOperation({
  name: "webhook_endpoint.create",
  input: createWebhookEndpointSchema,
  authorize: { organization: (input: CreateWebhookEndpointInput) => input.organizationId, permission: "webhooks.manage" },
  async run(ctx, input: CreateWebhookEndpointInput, member) {
    const { tx, actor } = ctx;
    checkUrl(input.url, ctx.config.webhookAllowedHosts ?? []);
    const now = ctx.now();
    const endpoint = {
      id: newId("whe"),
      organizationId: member.organization.id,
      url: input.url,
      description: input.description ?? null,
      eventTypes: input.eventTypes,
      secret: newWebhookSecret(),
      createdByUserId: actor.userId,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(webhookEndpoints).values(endpoint);
    await auditEndpoint(ctx, endpoint, "created", { count: endpoint.eventTypes.length });
    return { id: endpoint.id, url: endpoint.url, secret: endpoint.secret };
  },
});

/** Changes the address, description and events; switching it on again sends what waited and forgets past failures. */
export const updateWebhookEndpoint = defineOperation({
  name: "webhook_endpoint.update",
  input: updateWebhookEndpointSchema,
  authorize: { organization: (input) => input.organizationId, permission: "webhooks.manage" },
  async run(ctx, input, member) {
    const { tx } = ctx;
    const endpoint = await ownEndpoint(tx, member, input.endpointId);
    checkVersion(input.version, endpoint.updatedAt);
    checkUrl(input.url, ctx.config.webhookAllowedHosts ?? []);
    const now = ctx.now();
    const updatedAt = nextVersion(endpoint.updatedAt, now);
    const switchedOn = input.enabled && endpoint.disabledAt !== null;
    await tx
      .update(webhookEndpoints)
      .set({
        url: input.url,
        description: input.description ?? null,
        eventTypes: input.eventTypes,
        updatedAt,
        ...(input.enabled
          ? { disabledAt: null, disabledReason: null, ...(switchedOn ? { failingSince: null } : {}) }
          : endpoint.disabledAt
            ? {}
            : { disabledAt: now, disabledReason: "manual" as const }),
      })
      .where(eq(webhookEndpoints.id, endpoint.id));
    await auditEndpoint(ctx, endpoint, "changed", { url: input.url, count: input.eventTypes.length });
    return { id: endpoint.id, url: input.url };
  },
});

/** Deletes the endpoint with its delivery log; nothing more is sent to it. */
export const deleteWebhookEndpoint = defineOperation({
  name: "webhook_endpoint.delete",
  input: webhookEndpointRefSchema,
  authorize: { organization: (ref) => ref.organizationId, permission: "webhooks.manage" },
  async run(ctx, ref, member) {
    const { tx } = ctx;
    const endpoint = await ownEndpoint(tx, member, ref.endpointId);
    await tx.delete(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id));
    await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    await auditEndpoint(ctx, endpoint, "deleted");
    return { url: endpoint.url };
  },
});

/** A new signing secret, returned once; the previous one keeps signing for a day beside it. */
export const rotateWebhookSecret = defineOperation({
  name: "webhook_endpoint.rotate_secret",
  input: webhookEndpointRefSchema,
  authorize: { organization: (ref) => ref.organizationId, permission: "webhooks.manage" },
  async run(ctx, ref, member) {
    const { tx } = ctx;
    const endpoint = await ownEndpoint(tx, member, ref.endpointId);
    const now = ctx.now();
    const secret = newWebhookSecret();
    await tx
      .update(webhookEndpoints)
      .set({ secret, previousSecret: endpoint.secret, previousSecretUntil: new Date(now.getTime() + ROTATION_OVERLAP_MS), updatedAt: now })
      .where(eq(webhookEndpoints.id, endpoint.id));
    await auditEndpoint(ctx, endpoint, "secret_rotated");
    return { url: endpoint.url, secret };
  },
});

/** Sends a `webhook-test` event to this endpoint only, signed like every other. */
export const sendTestWebhook = defineOperation({
  name: "webhook_endpoint.send_test",
  input: webhookEndpointRefSchema,
  authorize: { organization: (ref) => ref.organizationId, permission: "webhooks.manage" },
  async run(ctx, ref, member) {
    const { tx } = ctx;
    const endpoint = await ownEndpoint(tx, member, ref.endpointId);
    if (endpoint.disabledAt) throw new DomainError("WEBHOOK_DISABLED");
    const now = ctx.now();
    await queueWebhookEvent(
      tx,
      {
        organizationId: endpoint.organizationId,
        type: TEST_EVENT,
        data: { endpointId: endpoint.id, organizationId: endpoint.organizationId },
        at: now,
      },
      endpoint.id,
    );
    await auditEndpoint(ctx, endpoint, "test_sent");
    return { url: endpoint.url };
  },
});

/** Every delivery to the endpoint since a moment, sent again (same id and body: receivers that already have one can tell). */
export const replayWebhooks = defineOperation({
  name: "webhook_endpoint.replay",
  input: replayWebhooksSchema,
  authorize: { organization: (input) => input.organizationId, permission: "webhooks.manage" },
  async run(ctx, input, member) {
    const { tx } = ctx;
    const endpoint = await ownEndpoint(tx, member, input.endpointId);
    const now = ctx.now();
    if (input.since > now) throw new DomainError("VALIDATION", {}, { since: ["sinceFuture"] });
    const resent = await tx
      .update(webhookDeliveries)
      .set({ state: "pending", attempts: 0, nextAttemptAt: now })
      .where(
        and(
          eq(webhookDeliveries.endpointId, endpoint.id),
          gte(webhookDeliveries.createdAt, input.since),
          inArray(webhookDeliveries.state, ["delivered", "failed"]),
        ),
      )
      .returning({ id: webhookDeliveries.id });
    await auditEndpoint(ctx, endpoint, "replayed", { count: resent.length });
    wakeSender(tx);
    return { url: endpoint.url, count: resent.length };
  },
});

/** One delivery sent again, as it was (a delivery still on its way is left to finish). */
export const redeliverWebhook = defineOperation({
  name: "webhook_delivery.redeliver",
  input: webhookDeliveryRefSchema,
  authorize: { organization: (ref) => ref.organizationId, permission: "webhooks.manage" },
  async run(ctx, ref, member) {
    const { tx, actor } = ctx;
    const delivery = await firstRow(
      tx
        .select({
          id: webhookDeliveries.id,
          state: webhookDeliveries.state,
          eventType: webhookDeliveries.eventType,
          url: webhookEndpoints.url,
          endpointId: webhookEndpoints.id,
        })
        .from(webhookDeliveries)
        .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
        .where(and(eq(webhookDeliveries.id, ref.deliveryId), eq(webhookEndpoints.organizationId, member.organization.id))),
    );
    if (!delivery) throw new DomainError("NOT_FOUND");
    if (delivery.state === "pending" || delivery.state === "sending") throw new DomainError("WEBHOOK_ON_ITS_WAY");
    const now = ctx.now();
    await tx
      .update(webhookDeliveries)
      .set({ state: "pending", attempts: 0, nextAttemptAt: now })
      .where(eq(webhookDeliveries.id, delivery.id));
    await recordAudit(tx, {
      organizationId: member.organization.id,
      actor,
      action: "webhook_delivery.redelivered",
      targetType: "webhook_delivery",
      targetId: delivery.id,
      details: { url: delivery.url, name: delivery.eventType },
      at: now,
    });
    wakeSender(tx);
    return { endpointId: delivery.endpointId, eventType: delivery.eventType };
  },
});
