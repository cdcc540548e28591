import { integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { apiKeys } from "./api-keys";
import { timestamp } from "./columns";

/**
 * An API request's Idempotency-Key, per key, for a day: written as "pending" before the
 * request runs (a second request with the key meanwhile is refused, never run twice), then
 * holding the answer that a repeat with the same body gets again.
 */
export const apiIdempotencyKeys = pgTable(
  "api_idempotency_keys",
  {
    apiKeyId: text("api_key_id")
      .notNull()
      .references(() => apiKeys.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    state: text("state", { enum: ["pending", "done"] }).notNull(),
    status: integer("status"),
    body: text("body"),
    location: text("location"),
    createdAt: timestamp("created_at").notNull(),
    expiresAt: timestamp("expires_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.apiKeyId, t.key] })],
);
