import { index, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { timestamp } from "./columns";
import { invitations } from "./invitations";
import { organizations } from "./organizations";
import { RESELLER_RELATIONSHIP_STATES } from "../../values/relationships";

export const resellerRelationships = pgTable(
  "reseller_relationships",
  {
    id: text("id").primaryKey(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => organizations.id),
    customerId: text("customer_id")
      .notNull()
      .references(() => organizations.id),
    state: text("state", { enum: RESELLER_RELATIONSHIP_STATES }).notNull(),
    invitationId: text("invitation_id").references(() => invitations.id),
    createdAt: timestamp("created_at").notNull(),
    endedAt: timestamp("ended_at"),
    providerId: text("provider_id").references(() => organizations.id),
    resellerId: text("reseller_id").references(() => organizations.id),
    customerName: text("customer_name").notNull(),
    customerDomain: text("customer_domain").notNull(),
  },
  (t) => [
    uniqueIndex("reseller_relationships_active_uq")
      .on(t.partnerId, t.customerId)
      .where(sql`state = 'active'`),
    index("reseller_relationships_partner_created_idx").on(t.partnerId, t.createdAt, t.id, t.customerName, t.customerDomain),
    index("reseller_relationships_customer_idx").on(t.customerId, t.createdAt),
    // Two-tier only: a direct partner's relationships (no provider) are not indexed.
    index("reseller_relationships_provider_idx")
      .on(t.providerId, t.createdAt, t.id)
      .where(sql`provider_id is not null`),
    index("reseller_relationships_partner_name_idx").on(t.partnerId, t.customerName, t.id, t.customerDomain),
  ],
);
