import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { timestamp } from "./columns";
import { organizations } from "./organizations";

/**
 * An organization's API key. Only the SHA-256 of its secret is stored (the secret is shown
 * once); `prefix` is its first characters, for people to tell keys apart. A key acts with at
 * most its scopes (permissions) and its creator's current permissions, until it expires or
 * is revoked.
 */
export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    secretHash: text("secret_hash").notNull().unique(),
    scopes: text("scopes", { mode: "json" }).$type<string[]>().notNull(),
    createdByUserId: text("created_by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at").notNull(),
    expiresAt: timestamp("expires_at").notNull(),
    revokedAt: timestamp("revoked_at"),
    revokedByUserId: text("revoked_by_user_id").references(() => users.id),
    lastUsedAt: timestamp("last_used_at"),
    lastUsedIp: text("last_used_ip"),
  },
  (t) => [index("api_keys_org_created_idx").on(t.organizationId, t.createdAt)],
);
