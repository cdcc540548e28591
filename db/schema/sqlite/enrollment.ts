import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { APPLICATION_STATES } from "../../values/enrollment";
import { CLOUDS, PARTNER_TYPES } from "../../values/organizations";
import { users } from "./auth";
import { timestamp } from "./columns";
import { organizations } from "./organizations";

/**
 * A company's application to join the program as a partner in one cloud. The applicant is
 * signed in with an address at `primaryDomain` (the domain check) and becomes the new
 * partner's Account admin when an operator approves it.
 */
export const partnerApplications = sqliteTable(
  "partner_applications",
  {
    id: text("id").primaryKey(),
    applicantUserId: text("applicant_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    applicantEmail: text("applicant_email").notNull(),
    companyName: text("company_name").notNull(),
    primaryDomain: text("primary_domain").notNull(),
    country: text("country").notNull(),
    cloud: text("cloud", { enum: CLOUDS }).notNull(),
    partnerType: text("partner_type", { enum: PARTNER_TYPES }).notNull(),
    // Rule 4: a separate, non-CSP corporate tenant that may become another partner's customer.
    corporateDomain: text("corporate_domain"),
    // The version of the cloud's partner agreement the applicant accepted.
    agreementVersion: text("agreement_version").notNull(),
    locale: text("locale").notNull(),
    state: text("state", { enum: APPLICATION_STATES }).notNull(),
    createdAt: timestamp("created_at").notNull(),
    decidedAt: timestamp("decided_at"),
    decidedByUserId: text("decided_by_user_id").references(() => users.id),
    rejectionReason: text("rejection_reason"),
    partnerId: text("partner_id").references(() => organizations.id),
  },
  (t) => [
    // One open application per domain and cloud.
    uniqueIndex("partner_applications_pending_domain_uq")
      .on(t.cloud, t.primaryDomain)
      .where(sql`state = 'pending'`),
    index("partner_applications_state_created_idx").on(t.state, t.createdAt, t.id),
    index("partner_applications_applicant_idx").on(t.applicantUserId, t.createdAt),
  ],
);

/**
 * The product catalog, one list per cloud, kept by the operator. `supportable`: a customer
 * may hire another partner to support it (multi-channel). `available`: offered for new
 * subscriptions (a product in use is made unavailable rather than removed).
 */
export const products = sqliteTable(
  "products",
  {
    id: text("id").primaryKey(),
    cloud: text("cloud", { enum: CLOUDS }).notNull(),
    name: text("name").notNull(),
    nameKey: text("name_key").notNull(),
    supportable: integer("supportable", { mode: "boolean" }).notNull(),
    available: integer("available", { mode: "boolean" }).notNull().default(true),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [uniqueIndex("products_cloud_name_uq").on(t.cloud, t.nameKey)],
);
