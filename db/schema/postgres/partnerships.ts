import { sql } from "drizzle-orm";
import { index, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { PARTNERSHIP_STATES } from "../../values/partnerships";
import { users } from "./auth";
import { timestamp } from "./columns";
import { organizations } from "./organizations";

export const partnerships = pgTable(
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
    uniqueIndex("partnerships_open_uq")
      .on(t.providerId, t.resellerId)
      .where(sql`state in ('invited', 'active')`),
    index("partnerships_provider_created_idx").on(t.providerId, t.createdAt, t.id),
    index("partnerships_reseller_created_idx").on(t.resellerId, t.createdAt, t.id),
  ],
);
