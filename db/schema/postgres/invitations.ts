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
    // When the scheduled job noted that its time ran out unanswered (its activity entry and
    // webhook event); a resend clears it with the new expiry.
    expiryNotedAt: timestamp("expiry_noted_at"),
  },
  (t) => [
    index("invitations_partner_created_idx").on(t.partnerId, t.createdAt, t.id, t.email, t.state, t.expiresAt),
    index("invitations_partner_email_idx").on(t.partnerId, t.email, t.id, t.state, t.expiresAt),
    // A reseller's invitations, for its provider: a direct partner's (no provider) are not indexed.
    index("invitations_provider_created_idx")
      .on(t.providerId, t.createdAt, t.id)
      .where(sql`provider_id is not null`),
    // Open invitations whose expiry is still to be noted, for the scheduled job.
    index("invitations_expiry_due_idx")
      .on(t.expiresAt)
      .where(sql`expiry_noted_at is null and state in ('sent', 'opened')`),
  ],
);
