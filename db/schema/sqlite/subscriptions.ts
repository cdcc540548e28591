import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { PURCHASE_CHANNELS, SUBSCRIPTION_STATES, TERMS } from "../../values/subscriptions";
import { timestamp } from "./columns";
import { products } from "./enrollment";
import { organizations } from "./organizations";

/**
 * A customer's subscription. Only the subscription operations (lib/subscriptions/service.ts)
 * write to this table; nothing in the relationship flows does (rule 3): the partner of record
 * and the purchase channel stay as they were bought.
 */
export const subscriptions = sqliteTable(
  "subscriptions",
  {
    id: text("id").primaryKey(),
    customerId: text("customer_id")
      .notNull()
      .references(() => organizations.id),
    product: text("product").notNull(),
    seats: integer("seats").notNull(),
    state: text("state", { enum: SUBSCRIPTION_STATES }).notNull(),
    purchaseChannel: text("purchase_channel", { enum: PURCHASE_CHANNELS }).notNull(),
    partnerOfRecordId: text("partner_of_record_id").references(() => organizations.id),
    termEndsAt: timestamp("term_ends_at").notNull(),
    // The catalog entry it was sold from (older rows name the product only), and its term.
    productId: text("product_id").references(() => products.id),
    term: text("term", { enum: TERMS }),
    createdAt: timestamp("created_at").notNull(),
    // The last change of its seats or state (none yet: its creation); the API's ETag.
    updatedAt: timestamp("updated_at"),
  },
  (t) => [
    index("subscriptions_customer_idx").on(t.customerId, t.product),
    index("subscriptions_partner_of_record_idx").on(t.partnerOfRecordId, t.customerId),
    // The partner's subscriptions page, newest first: only what a partner sold has a partner of record.
    index("subscriptions_partner_created_idx")
      .on(t.partnerOfRecordId, t.createdAt, t.id)
      .where(sql`partner_of_record_id is not null`),
  ],
);
