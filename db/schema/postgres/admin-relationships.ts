import { sql, type SQL } from "drizzle-orm";
import { type AnyPgColumn, boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { GLOBAL_ADMINISTRATOR, type DirectoryRoleId } from "../../values/directory-roles";
import { ADMIN_RELATIONSHIP_STATES } from "../../values/admin-relationships";
import { users } from "./auth";
import { timestamp } from "./columns";
import { organizations } from "./organizations";

/**
 * Whether the roles include Global Administrator: jsonb containment, with the id as a
 * literal so that queries repeat the partial index's very expression (db/schema/sqlite
 * explains the index).
 */
export const holdsGlobalAdministrator = (roles: AnyPgColumn): SQL => sql`${roles} @> ${sql.raw(`'["${GLOBAL_ADMINISTRATOR}"]'::jsonb`)}`;

export const adminRelationships = pgTable(
  "admin_relationships",
  {
    id: text("id").primaryKey(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => organizations.id),
    customerId: text("customer_id")
      .notNull()
      .references(() => organizations.id),
    name: text("name").notNull(),
    nameKey: text("name_key").notNull(),
    roles: jsonb("roles").$type<DirectoryRoleId[]>().notNull(),
    durationDays: integer("duration_days").notNull(),
    autoExtend: boolean("auto_extend").notNull(),
    state: text("state", { enum: ADMIN_RELATIONSHIP_STATES }).notNull(),
    createdByUserId: text("created_by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at").notNull(),
    requestedAt: timestamp("requested_at"),
    activatedAt: timestamp("activated_at"),
    endsAt: timestamp("ends_at"),
    endedAt: timestamp("ended_at"),
    decidedByUserId: text("decided_by_user_id").references(() => users.id),
    replacesId: text("replaces_id"),
    // The template version it was requested from, if any: its group mappings apply on approval.
    templateVersionId: text("template_version_id"),
    lastNoticeKey: text("last_notice_key"),
  },
  (t) => [
    uniqueIndex("admin_relationships_partner_name_uq").on(t.partnerId, t.nameKey),
    index("admin_relationships_partner_state_idx").on(t.partnerId, t.state, t.endsAt, t.id),
    index("admin_relationships_partner_ends_idx").on(t.partnerId, t.endsAt, t.id),
    index("admin_relationships_customer_state_idx").on(t.customerId, t.state),
    index("admin_relationships_partner_global_admin_idx").on(t.partnerId, t.state).where(holdsGlobalAdministrator(t.roles)),
  ],
);
