import "server-only";
import { z } from "zod";
import { requireMember } from "@/lib/auth/membership";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/events";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  rotateWebhookSecret,
  sendTestWebhook,
  updateWebhookEndpoint,
} from "@/lib/webhooks/operations";
import { getWebhookEndpointOrThrow, webhookEndpointRows } from "@/lib/webhooks/queries";
import { webhookEndpointResource } from "../resources";
import { etagOf, operationRoute } from "../operation-route";
import { json, type ApiCall } from "../route";
import { apiSpec } from "../spec";
import { webhookEndpointSchema } from "./schemas";

const endpointAnswer = async (call: ApiCall<unknown>, id: string, extra: Record<string, unknown> = {}, status = 200) => {
  const member = await requireMember(call.ctx.db, call.actor, call.organizationId, "partner");
  const endpoint = await getWebhookEndpointOrThrow(call.ctx.db, member, id);
  return json({ ...webhookEndpointResource(endpoint), ...extra }, status, { etag: etagOf(endpoint.updatedAt) });
};
const withSecret = webhookEndpointSchema
  .extend({ secret: z.string().meta({ description: "The signing secret, whsec_…: shown this once" }) })
  .meta({
    id: "WebhookEndpointWithSecret",
  });
const endpointBody = {
  url: z.string().meta({ description: "https, on a public address" }),
  description: z.string().optional(),
  eventTypes: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1),
};
const ref = (p: { id: string }) => ({ endpointId: p.id });

export const listWebhookEndpointsRoute = apiSpec<unknown>({
  method: "GET",
  path: "/webhook-endpoints",
  operationId: "listWebhookEndpoints",
  summary: "The organization's webhook endpoints",
  permission: "webhooks.manage",
  responses: { 200: { description: "Every endpoint, newest first", schema: z.object({ data: z.array(webhookEndpointSchema) }) } },
  async handler(call) {
    const member = await requireMember(call.ctx.db, call.actor, call.organizationId, "partner");
    return json({ data: (await webhookEndpointRows(call.ctx.db, member)).map(webhookEndpointResource) });
  },
});

export const getWebhookEndpointRoute = apiSpec<{ id: string }>({
  method: "GET",
  path: "/webhook-endpoints/{id}",
  operationId: "getWebhookEndpoint",
  summary: "One webhook endpoint",
  permission: "webhooks.manage",
  responses: { 200: { description: "The endpoint", schema: webhookEndpointSchema } },
  handler: async (call) => await endpointAnswer(call, call.params.id),
});

export const createWebhookEndpointRoute = operationRoute<Record<string, string>, { id: string; secret: string }>({
  method: "POST",
  path: "/webhook-endpoints",
  operationId: "createWebhookEndpoint",
  summary: "Register a webhook endpoint",
  permission: "webhooks.manage",
  op: createWebhookEndpoint,
  organizationField: "organizationId",
  body: z.object(endpointBody),
  responses: { 201: { description: "The endpoint, with its signing secret", schema: withSecret } },
  respond: async (call, e) => await endpointAnswer(call, e.id, { secret: e.secret }, 201),
});

export const updateWebhookEndpointRoute = operationRoute<{ id: string }, unknown>({
  method: "PATCH",
  path: "/webhook-endpoints/{id}",
  operationId: "updateWebhookEndpoint",
  summary: "Change an endpoint's address, description, events, or switch it on or off",
  description:
    "Send every field: the endpoint becomes what the body says. With If-Match and the ETag of the endpoint you read, a change made since is refused (412) instead of overwritten.",
  versioned: true,
  permission: "webhooks.manage",
  op: updateWebhookEndpoint,
  organizationField: "organizationId",
  fromPath: ref,
  body: z.object({ ...endpointBody, enabled: z.boolean() }),
  responses: { 200: { description: "The endpoint", schema: webhookEndpointSchema } },
  respond: async (call) => await endpointAnswer(call, call.params.id),
});

export const deleteWebhookEndpointRoute = operationRoute<{ id: string }, { url: string }>({
  method: "DELETE",
  path: "/webhook-endpoints/{id}",
  operationId: "deleteWebhookEndpoint",
  summary: "Delete an endpoint and its delivery log",
  permission: "webhooks.manage",
  op: deleteWebhookEndpoint,
  organizationField: "organizationId",
  fromPath: ref,
  responses: { 200: { description: "What was deleted", schema: z.object({ id: z.string(), url: z.string(), deleted: z.literal(true) }) } },
  respond: async (call, e) => json({ id: call.params.id, url: e.url, deleted: true }),
});

export const rotateWebhookSecretRoute = operationRoute<{ id: string }, { secret: string }>({
  method: "POST",
  path: "/webhook-endpoints/{id}/rotate-secret",
  operationId: "rotateWebhookSecret",
  summary: "Make a new signing secret; the previous one keeps signing beside it for 24 hours",
  permission: "webhooks.manage",
  op: rotateWebhookSecret,
  organizationField: "organizationId",
  fromPath: ref,
  responses: { 200: { description: "The endpoint, with its new secret", schema: withSecret } },
  respond: async (call, r) => await endpointAnswer(call, call.params.id, { secret: r.secret }),
});

export const testWebhookEndpointRoute = operationRoute<{ id: string }, unknown>({
  method: "POST",
  path: "/webhook-endpoints/{id}/test",
  operationId: "sendTestWebhook",
  summary: "Send a webhook-test event to this endpoint",
  permission: "webhooks.manage",
  op: sendTestWebhook,
  organizationField: "organizationId",
  fromPath: ref,
  responses: { 202: { description: "Queued: it leaves within seconds", schema: webhookEndpointSchema } },
  respond: async (call) => await endpointAnswer(call, call.params.id, {}, 202),
});
