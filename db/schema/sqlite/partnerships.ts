import { sql } from "drizzle-orm";
import { index, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { PARTNERSHIP_STATES } from "../../values/partnerships";
import { users } from "./auth";
import { timestamp } from "./columns";
import { organizations } from "./organizations";

/**
 * A two-tier partnership: an indirect provider and an indirect reseller of the same cloud.
 * The row starts as the provider's emailed invitation (only the token's SHA-256 is kept,
 * bound to `email`) and becomes the partnership once the reseller's Account admin
 * authorizes it. "expired" is not stored: it is `invited` with `expiresAt` in the past.
 */
export const partnerships = sqliteTable(
  "partnerships",
  {
    id: text("id").primaryKey(),
    providerId: text("provider_id")
      .notNull()
      .references(() => organizations.id),
    resellerId: text("reseller_id")
      .notNull()
      .references(() => organizations.id),
    email: text("email").notNull(),
    locale: text("locale").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    state: text("state", { enum: PARTNERSHIP_STATES }).notNull(),
    createdByUserId: text("created_by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at").notNull(),
    expiresAt: timestamp("expires_at").notNull(),
    respondedAt: timestamp("responded_at"),
    respondedByUserId: text("responded_by_user_id").references(() => users.id),
    endedAt: timestamp("ended_at"),
    endedByOrganizationId: text("ended_by_organization_id").references(() => organizations.id),
  },
  (t) => [
    // At most one open invitation or live partnership per pair.
    uniqueIndex("partnerships_open_uq")
      .on(t.providerId, t.resellerId)
      .where(sql`state in ('invited', 'active')`),
    index("partnerships_provider_created_idx").on(t.providerId, t.createdAt, t.id),
    index("partnerships_reseller_created_idx").on(t.resellerId, t.createdAt, t.id),
  ],
);
