import { z } from "zod";
import { idField, optional } from "@/lib/validation/fields";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "./events";

export const webhookUrlField = z
  .string({ error: "required" })
  .trim()
  .min(1, "required")
  .max(2_000, "webhookUrl")
  .refine((v) => URL.canParse(v) && ["http:", "https:"].includes(new URL(v).protocol), "webhookUrl");

const eventTypesField = z.preprocess(
  // A form sends one value per ticked box; none ticked means the key is absent.
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(z.enum(WEBHOOK_EVENT_TYPES as unknown as [WebhookEventType, ...WebhookEventType[]], { error: "invalid" }))
    .min(1, "eventsRequired")
    .max(WEBHOOK_EVENT_TYPES.length, "invalid")
    .transform((types) => [...new Set(types)]),
);

export const createWebhookEndpointSchema = z.object({
  organizationId: idField,
  url: webhookUrlField,
  description: optional(z.string().trim().max(200, "descriptionMax200")),
  eventTypes: eventTypesField,
});
export type CreateWebhookEndpointInput = z.infer<typeof createWebhookEndpointSchema>;

export const webhookEndpointRefSchema = z.object({ organizationId: idField, endpointId: idField });
export type WebhookEndpointRef = z.infer<typeof webhookEndpointRefSchema>;

export const updateWebhookEndpointSchema = createWebhookEndpointSchema.extend({
  endpointId: idField,
  enabled: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  // The version the change was made to (the API's If-Match): refused if the endpoint changed since.
  version: z.coerce.number().int().optional(),
});
export type UpdateWebhookEndpointInput = z.infer<typeof updateWebhookEndpointSchema>;

export const replayWebhooksSchema = webhookEndpointRefSchema.extend({
  // From a datetime-local field (the person's own clock) or an ISO instant from a script.
  since: z.coerce.date({ error: "momentInvalid" }).refine((d) => !Number.isNaN(d.getTime()), "momentInvalid"),
});
export type ReplayWebhooksInput = z.infer<typeof replayWebhooksSchema>;

export const webhookDeliveryRefSchema = z.object({ organizationId: idField, deliveryId: idField });
export type WebhookDeliveryRef = z.infer<typeof webhookDeliveryRefSchema>;
