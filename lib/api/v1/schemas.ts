import { z } from "zod";
import { ACCESS_ASSIGNMENT_STATES } from "@/db/values/access";
import { ADMIN_RELATIONSHIP_STATES } from "@/db/values/admin-relationships";
import { DIRECTORY_ROLE_IDS } from "@/db/values/directory-roles";
import { PURCHASE_CHANNELS, SUBSCRIPTION_STATES, TERMS } from "@/db/values/subscriptions";
import { WEBHOOK_DISABLED_REASONS } from "@/db/values/webhooks";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/events";
import { KEY_SCOPES } from "@/lib/api-keys/schemas";
import { LOCALES } from "@/lib/i18n/locales";
import { INVITATION_STATUSES } from "@/lib/invitations/status";

/**
 * What the API answers, as zod schemas: the OpenAPI document is generated from them
 * (lib/api/openapi.ts), and in the test mode every answer is checked against them before it
 * leaves (lib/api/route.ts), so the document cannot drift from what the server sends.
 */

const instant = z.iso.datetime().meta({ description: "An instant, ISO 8601 in UTC", example: "2026-12-07T10:00:00.000Z" });
const id = (example: string) => z.string().meta({ example });

export const problemSchema = z
  .object({
    type: z.string().meta({ example: "urn:prc:problem:validation" }),
    title: z.string().meta({ description: "The problem in English" }),
    status: z.number().int(),
    detail: z.string().meta({ description: "The problem in the language of the person who made the key" }),
    code: z.string().meta({ description: "Our stable error code, the same the pages use", example: "VALIDATION" }),
    errors: z.array(z.object({ field: z.string(), messages: z.array(z.string()) })).optional(),
  })
  .meta({ id: "Problem", description: "An RFC 9457 problem document" });

export const invitationSchema = z
  .object({
    id: id("inv_m3YQAlxHUS-TIjkS"),
    email: z.string(),
    status: z.enum(INVITATION_STATUSES),
    locale: z.enum(LOCALES),
    message: z.string().nullable(),
    providerId: z.string().nullable().meta({ description: "Two-tier: the indirect provider the reseller sells through" }),
    customerId: z.string().nullable().meta({ description: "The customer, once accepted" }),
    adminRequest: z
      .object({ name: z.string(), durationDays: z.number().int(), roles: z.array(z.string()), autoExtend: z.boolean() })
      .nullable()
      .meta({ description: "Admin roles asked for with the invitation" }),
    sendCount: z.number().int(),
    createdAt: instant,
    lastSentAt: instant,
    expiresAt: instant,
  })
  .meta({ id: "Invitation", description: "A reseller invitation (never its token, which only its email carries)" });

export const invitationPageSchema = z
  .object({ data: z.array(invitationSchema), next: z.string().nullable().meta({ description: "The cursor of the next page, or null" }) })
  .meta({ id: "InvitationPage" });

export const meSchema = z
  .object({
    key: z.object({ id: z.string(), name: z.string(), scopes: z.array(z.enum(KEY_SCOPES)) }),
    organization: z.object({ id: z.string(), name: z.string(), kind: z.string(), state: z.string() }),
    madeBy: z.string().meta({ description: "The email address of the person who made the key" }),
    permissions: z.array(z.enum(KEY_SCOPES)).meta({ description: "What the key may do now: its scopes its maker still holds" }),
  })
  .meta({ id: "Me" });

export const cursorQuery = {
  cursor: z.string().optional().meta({ description: "The `next` of the previous page" }),
  limit: z.string().optional().meta({ description: "Rows per page, 1 to 200 (50 by default)" }),
};

export const adminRelationshipSchema = z
  .object({
    id: id("gdap_2kVbq3Hc8yZ0pLmN"),
    partnerId: z.string(),
    customerId: z.string(),
    name: z.string(),
    roles: z.array(z.enum(DIRECTORY_ROLE_IDS)),
    durationDays: z.number().int(),
    autoExtend: z.boolean(),
    state: z.enum(ADMIN_RELATIONSHIP_STATES),
    createdAt: instant,
    requestedAt: instant.nullable(),
    activatedAt: instant.nullable(),
    endsAt: instant.nullable(),
    endedAt: instant.nullable(),
    replacesId: z.string().nullable().meta({ description: "The relationship this one replaces, if any" }),
    templateVersionId: z.string().nullable().meta({ description: "The template version it was requested from, if any" }),
  })
  .meta({ id: "AdminRelationship", description: "A granular delegated admin relationship" });

export const adminRelationshipPageSchema = z
  .object({ data: z.array(adminRelationshipSchema), next: z.string().nullable() })
  .meta({ id: "AdminRelationshipPage" });

export const adminTemplateSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    version: z.number().int().meta({ description: "The current version; requests made from the template use it" }),
    roles: z.array(z.enum(DIRECTORY_ROLE_IDS)),
    durationDays: z.number().int(),
    autoExtend: z.boolean(),
    groupRoles: z.array(z.object({ groupId: z.string(), roles: z.array(z.enum(DIRECTORY_ROLE_IDS)) })),
    updatedAt: instant,
  })
  .meta({ id: "AdminTemplate", description: "Roles, duration, auto-extend and group mappings a request can be made from" });

export const accessAssignmentSchema = z
  .object({
    id: z.string(),
    partnerId: z.string(),
    adminRelationshipId: z.string(),
    groupId: z.string(),
    roles: z.array(z.enum(DIRECTORY_ROLE_IDS)),
    state: z.enum(ACCESS_ASSIGNMENT_STATES),
    createdAt: instant,
    updatedAt: instant.nullable().meta({ description: "The last change of its roles; null until one" }),
    deletedAt: instant.nullable(),
  })
  .meta({ id: "AccessAssignment", description: "Roles of an admin relationship given to one of your security groups" });

export const subscriptionSchema = z
  .object({
    id: z.string(),
    customerId: z.string(),
    product: z.string(),
    productId: z.string().nullable(),
    seats: z.number().int(),
    state: z.enum(SUBSCRIPTION_STATES),
    term: z.enum(TERMS).nullable(),
    termEndsAt: instant,
    purchaseChannel: z.enum(PURCHASE_CHANNELS),
    partnerOfRecordId: z.string().nullable(),
    createdAt: instant,
    updatedAt: instant.nullable().meta({ description: "The last change of its seats or state; null until one" }),
  })
  .meta({ id: "Subscription" });

export const webhookEndpointSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string().nullable(),
    eventTypes: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
    enabled: z.boolean(),
    disabledReason: z.enum(WEBHOOK_DISABLED_REASONS).nullable(),
    failingSince: instant.nullable(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: "WebhookEndpoint", description: "Where events are sent (never its secret, shown once when made or rotated)" });
