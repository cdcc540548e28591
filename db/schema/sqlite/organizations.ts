import { sql } from "drizzle-orm";
import { type AnySQLiteColumn, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { CLOUDS, ORGANIZATION_KINDS, PARTNER_STATES, PARTNER_TYPES } from "../../values/organizations";
import { timestamp } from "./columns";

/**
 * One row per tenant: a partner organization, a customer organization, or the program
 * operator (one row, whose people run the console; its cloud is nominal, it sees every cloud).
 * Every other table hangs off one of these, and every tenant lives in exactly one cloud (rule 7).
 */
export const organizations = sqliteTable(
  "organizations",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: ORGANIZATION_KINDS }).notNull(),
    name: text("name").notNull(),
    cloud: text("cloud", { enum: CLOUDS }).notNull(),
    country: text("country").notNull(),
    primaryDomain: text("primary_domain").notNull(),
    // Partners only.
    partnerType: text("partner_type", { enum: PARTNER_TYPES }),
    partnerPublicId: text("partner_public_id"),
    isCspTransactionTenant: integer("is_csp_transaction_tenant", { mode: "boolean" }).notNull().default(false),
    // Partners only (the operator suspends, reinstates, offboards); everyone else stays "active".
    partnerState: text("partner_state", { enum: PARTNER_STATES }).notNull().default("active"),
    // Customers only: set when this tenant is a partner's separate, non-CSP corporate tenant.
    corporateOfPartnerId: text("corporate_of_partner_id").references((): AnySQLiteColumn => organizations.id),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("organizations_cloud_domain_uq").on(t.cloud, t.primaryDomain),
    // Partners only: a customer has no public id, and its row costs this index nothing.
    uniqueIndex("organizations_cloud_partner_public_id_uq")
      .on(t.cloud, t.partnerPublicId)
      .where(sql`partner_public_id is not null`),
    index("organizations_cloud_kind_name_idx").on(t.cloud, t.kind, t.name),
    // The operator's partner and customer lists: by kind and name across clouds.
    index("organizations_kind_name_idx").on(t.kind, t.name, t.id),
  ],
);
