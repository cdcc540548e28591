import { sql } from "drizzle-orm";
import { boolean, index, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { APPLICATION_STATES } from "../../values/enrollment";
import { CLOUDS, PARTNER_TYPES } from "../../values/organizations";
import { users } from "./auth";
import { timestamp } from "./columns";
import { organizations } from "./organizations";

export const partnerApplications = pgTable(
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
    corporateDomain: text("corporate_domain"),
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
    uniqueIndex("partner_applications_pending_domain_uq")
      .on(t.cloud, t.primaryDomain)
      .where(sql`state = 'pending'`),
    index("partner_applications_state_created_idx").on(t.state, t.createdAt, t.id),
    index("partner_applications_applicant_idx").on(t.applicantUserId, t.createdAt),
  ],
);

export const products = pgTable(
  "products",
  {
    id: text("id").primaryKey(),
    cloud: text("cloud", { enum: CLOUDS }).notNull(),
    name: text("name").notNull(),
    nameKey: text("name_key").notNull(),
    supportable: boolean("supportable").notNull(),
    available: boolean("available").notNull().default(true),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [uniqueIndex("products_cloud_name_uq").on(t.cloud, t.nameKey)],
);
