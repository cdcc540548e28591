import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { timestamp } from "./columns";
import { organizations } from "./organizations";
import { WEBHOOK_DELIVERY_STATES, WEBHOOK_DISABLED_REASONS } from "../../values/webhooks";

/**
 * Where an organization wants its events sent. The secret signs every delivery (Standard
 * Webhooks); after a rotation the previous one signs too until `previousSecretUntil`, so a
 * receiver can switch without missing a message.
 */
export const webhookEndpoints = sqliteTable(
  "webhook_endpoints",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id),
    url: text("url").notNull(),
    description: text("description"),
    eventTypes: text("event_types", { mode: "json" }).$type<string[]>().notNull(),
    secret: text("secret").notNull(),
    previousSecret: text("previous_secret"),
    previousSecretUntil: timestamp("previous_secret_until"),
    disabledAt: timestamp("disabled_at"),
    disabledReason: text("disabled_reason", { enum: WEBHOOK_DISABLED_REASONS }),
    // Since when every delivery has failed; cleared by the next success.
    failingSince: timestamp("failing_since"),
    createdByUserId: text("created_by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at").notNull(),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (t) => [index("webhook_endpoints_org_idx").on(t.organizationId, t.createdAt)],
);

/**
 * One event for one endpoint, written in the transaction of the change it reports and sent
 * after commit, like email. The body is fixed when the event happens, so every attempt sends
 * the same bytes under the same `webhook-id` (the row's id), and a receiver can drop repeats.
 */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: text("id").primaryKey(),
    endpointId: text("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    organizationId: text("organization_id").notNull(),
    eventType: text("event_type").notNull(),
    body: text("body").notNull(),
    state: text("state", { enum: WEBHOOK_DELIVERY_STATES }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at").notNull(),
    lastStatus: integer("last_status"),
    lastDurationMs: integer("last_duration_ms"),
    lastResponse: text("last_response"),
    lastError: text("last_error"),
    createdAt: timestamp("created_at").notNull(),
    deliveredAt: timestamp("delivered_at"),
  },
  (t) => [
    index("webhook_deliveries_due_idx").on(t.state, t.nextAttemptAt),
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.createdAt),
  ],
);
