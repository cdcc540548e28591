import { sql } from "drizzle-orm";
import { index, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { timestamp } from "./columns";
import { organizations } from "./organizations";
import { subscriptions } from "./subscriptions";
import { SUPPORT_ASSIGNMENT_STATES } from "../../values/support";

/**
 * Multi-channel support: a customer's Global administrator assigns a subscription bought
 * elsewhere to a partner for provisioning and support ("supported, not sold"). The
 * subscription row itself, its channel and its partner of record are never touched.
 */
export const supportAssignments = sqliteTable(
  "support_assignments",
  {
    id: text("id").primaryKey(),
    customerId: text("customer_id")
      .notNull()
      .references(() => organizations.id),
    subscriptionId: text("subscription_id")
      .notNull()
      .references(() => subscriptions.id),
    partnerId: text("partner_id")
      .notNull()
      .references(() => organizations.id),
    state: text("state", { enum: SUPPORT_ASSIGNMENT_STATES }).notNull(),
    assignedByUserId: text("assigned_by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at").notNull(),
    endedAt: timestamp("ended_at"),
  },
  (t) => [
    // One support partner per subscription at a time.
    uniqueIndex("support_assignments_active_uq")
      .on(t.subscriptionId)
      .where(sql`state = 'active'`),
    index("support_assignments_partner_idx").on(t.partnerId, t.state, t.customerId),
    index("support_assignments_customer_idx").on(t.customerId, t.state),
  ],
);

/** A support action a partner recorded on a subscription it supports. */
export const supportActions = sqliteTable(
  "support_actions",
  {
    id: text("id").primaryKey(),
    assignmentId: text("assignment_id")
      .notNull()
      .references(() => supportAssignments.id),
    partnerId: text("partner_id")
      .notNull()
      .references(() => organizations.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    note: text("note").notNull(),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [index("support_actions_assignment_idx").on(t.assignmentId, t.createdAt)],
);
