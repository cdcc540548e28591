import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import type { AdminRequest } from "../../values/admin-relationships";
import { INVITATION_STATES } from "../../values/invitations";
import { users } from "./auth";
import { timestamp } from "./columns";
import { organizations } from "./organizations";

export const invitations = pgTable(
  "invitations",
  {
    id: text("id").primaryKey(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => organizations.id),
    email: text("email").notNull(),
    message: text("message"),
    locale: text("locale").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    state: text("state", { enum: INVITATION_STATES }).notNull(),
    sendCount: integer("send_count").notNull().default(1),
    createdByUserId: text("created_by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at").notNull(),
    lastSentAt: timestamp("last_sent_at").notNull(),
    expiresAt: timestamp("expires_at").notNull(),
    openedAt: timestamp("opened_at"),
    respondedAt: timestamp("responded_at"),
    respondedByUserId: text("responded_by_user_id").references(() => users.id),
    customerId: text("customer_id").references(() => organizations.id),
    adminRequest: jsonb("admin_request").$type<AdminRequest>(),
    providerId: text("provider_id").references(() => organizations.id),
  },
  (t) => [
    index("invitations_partner_created_idx").on(t.partnerId, t.createdAt, t.id, t.email, t.state, t.expiresAt),
    index("invitations_partner_email_idx").on(t.partnerId, t.email, t.id, t.state, t.expiresAt),
    // A reseller's invitations, for its provider: a direct partner's (no provider) are not indexed.
    index("invitations_provider_created_idx")
      .on(t.providerId, t.createdAt, t.id)
      .where(sql`provider_id is not null`),
  ],
);
