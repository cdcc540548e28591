import { sql } from "drizzle-orm";
import { type AnyPgColumn, boolean, index, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { CLOUDS, ORGANIZATION_KINDS, PARTNER_STATES, PARTNER_TYPES } from "../../values/organizations";
import { timestamp } from "./columns";

export const organizations = pgTable(
  "organizations",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: ORGANIZATION_KINDS }).notNull(),
    name: text("name").notNull(),
    cloud: text("cloud", { enum: CLOUDS }).notNull(),
    country: text("country").notNull(),
    primaryDomain: text("primary_domain").notNull(),
    partnerType: text("partner_type", { enum: PARTNER_TYPES }),
    partnerPublicId: text("partner_public_id"),
    isCspTransactionTenant: boolean("is_csp_transaction_tenant").notNull().default(false),
    partnerState: text("partner_state", { enum: PARTNER_STATES }).notNull().default("active"),
    corporateOfPartnerId: text("corporate_of_partner_id").references((): AnyPgColumn => organizations.id),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("organizations_cloud_domain_uq").on(t.cloud, t.primaryDomain),
    // Partners only: a customer has no public id, and its row costs this index nothing.
    uniqueIndex("organizations_cloud_partner_public_id_uq")
      .on(t.cloud, t.partnerPublicId)
      .where(sql`partner_public_id is not null`),
    index("organizations_cloud_kind_name_idx").on(t.cloud, t.kind, t.name),
    index("organizations_kind_name_idx").on(t.kind, t.name, t.id),
  ],
);
