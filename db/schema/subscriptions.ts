import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { PURCHASE_CHANNELS, SUBSCRIPTION_STATES } from "../../lib/subscriptions/kinds";
import { timestamp } from "./columns";
import { organizations } from "./organizations";

/**
 * A customer's subscription. Nothing in the relationship flows writes to this table
 * (rule 3): the partner of record and the purchase channel stay as they were bought.
 */
export const subscriptions = sqliteTable(
  "subscriptions",
  {
    id: text("id").primaryKey(),
    customerId: text("customer_id").notNull().references(() => organizations.id),
    product: text("product").notNull(),
    seats: integer("seats").notNull(),
    state: text("state", { enum: SUBSCRIPTION_STATES }).notNull(),
    purchaseChannel: text("purchase_channel", { enum: PURCHASE_CHANNELS }).notNull(),
    partnerOfRecordId: text("partner_of_record_id").references(() => organizations.id),
    termEndsAt: timestamp("term_ends_at").notNull(),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [
    index("subscriptions_customer_idx").on(t.customerId, t.product),
    index("subscriptions_partner_of_record_idx").on(t.partnerOfRecordId, t.customerId),
  ],
);
