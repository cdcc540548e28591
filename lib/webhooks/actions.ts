"use server";

import { actionFor } from "@/lib/actions/action-for";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  redeliverWebhook,
  replayWebhooks,
  rotateWebhookSecret,
  sendTestWebhook,
  updateWebhookEndpoint,
} from "./operations";

// Thin adapters: each operation checks the permission and the tenant inside its transaction.

const apiPage = (input: { organizationId: string }) => `/partner/${input.organizationId}/api`;
const endpointPage = (input: { organizationId: string; endpointId: string }) =>
  `/partner/${input.organizationId}/api/webhooks/${input.endpointId}`;

export const createWebhookEndpointAction = actionFor(createWebhookEndpoint, {
  revalidate: apiPage,
  message: (t, e) => t("webhooks.created", { url: e.url }),
  // The signing secret goes to the page that made it, this once.
  data: (e) => ({ secret: e.secret, id: e.id }),
});

export const updateWebhookEndpointAction = actionFor(updateWebhookEndpoint, {
  revalidate: endpointPage,
  message: (t, e) => t("webhooks.saved", { url: e.url }),
});

export const deleteWebhookEndpointAction = actionFor(deleteWebhookEndpoint, {
  revalidate: apiPage,
  message: (t, e) => t("webhooks.deleted", { url: e.url }),
  redirect: (_e, input) => `${apiPage(input)}#webhooks`,
});

export const rotateWebhookSecretAction = actionFor(rotateWebhookSecret, {
  revalidate: endpointPage,
  message: (t, e) => t("webhooks.rotated", { url: e.url }),
  data: (e) => ({ secret: e.secret }),
});

export const sendTestWebhookAction = actionFor(sendTestWebhook, {
  revalidate: endpointPage,
  message: (t, e) => t("webhooks.testSent", { url: e.url }),
});

export const replayWebhooksAction = actionFor(replayWebhooks, {
  revalidate: endpointPage,
  message: (t, e) => t("webhooks.replayed", { count: e.count }),
});

export const redeliverWebhookAction = actionFor(redeliverWebhook, {
  revalidate: (input, e) => `/partner/${input.organizationId}/api/webhooks/${e.endpointId}`,
  message: (t, e) => t("webhooks.redelivered", { event: e.eventType }),
});
