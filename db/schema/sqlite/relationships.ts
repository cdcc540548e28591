import { index, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { timestamp } from "./columns";
import { invitations } from "./invitations";
import { organizations } from "./organizations";
import { RESELLER_RELATIONSHIP_STATES } from "../../values/relationships";

/**
 * A partner ↔ customer reseller relationship, created when the customer's Global
 * administrator accepts an invitation. A customer may have many partners (rule 1);
 * it has at most one active relationship with each (the partial unique index).
 */
export const resellerRelationships = sqliteTable(
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
    // Two-tier: on a reseller's row, the provider it sells through; on the provider's row,
    // the reseller that brought the customer. Both null for a direct partner.
    providerId: text("provider_id").references(() => organizations.id),
    resellerId: text("reseller_id").references(() => organizations.id),
    // The customer's name, copied here (organizations are never renamed) so the partner's
    // customer list sorts and pages by name on an index instead of sorting thousands of rows.
    customerName: text("customer_name").notNull(),
    // Its primary domain too (never changed either): a search by name or domain then reads
    // the paging index alone, with no lookup of every customer's organization.
    customerDomain: text("customer_domain").notNull(),
  },
  (t) => [
    uniqueIndex("reseller_relationships_active_uq")
      .on(t.partnerId, t.customerId)
      .where(sql`state = 'active'`),
    // The paging indexes carry the name and domain after the id: a search reads only the index.
    index("reseller_relationships_partner_created_idx").on(t.partnerId, t.createdAt, t.id, t.customerName, t.customerDomain),
    index("reseller_relationships_customer_idx").on(t.customerId, t.createdAt),
    // Two-tier only: a direct partner's relationships (no provider) are not indexed.
    index("reseller_relationships_provider_idx")
      .on(t.providerId, t.createdAt, t.id)
      .where(sql`provider_id is not null`),
    index("reseller_relationships_partner_name_idx").on(t.partnerId, t.customerName, t.id, t.customerDomain),
  ],
);
