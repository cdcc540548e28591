import { sql, type SQL } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { GLOBAL_ADMINISTRATOR, type DirectoryRoleId } from "../../values/directory-roles";
import { ADMIN_RELATIONSHIP_STATES } from "../../values/admin-relationships";
import { users } from "./auth";
import { timestamp } from "./columns";
import { organizations } from "./organizations";

/**
 * Whether the roles include Global Administrator. The column holds a JSON array of role ids
 * written by us, so the quoted id matches that one element exactly. `instr` rather than
 * `json_each`, and a literal rather than a parameter, because a partial index allows only
 * plain functions and is used only for the very same expression; and it is that index
 * that lets the expiring page count these without reading every relationship.
 */
export const holdsGlobalAdministrator = (roles: AnySQLiteColumn): SQL =>
  sql`instr(${roles}, ${sql.raw(`'"${GLOBAL_ADMINISTRATOR}"'`)}) > 0`;

/**
 * A granular delegated admin relationship: a named, time-limited set of directory roles a
 * partner holds in one customer's tenant. Roles and duration never change after creation.
 */
export const adminRelationships = sqliteTable(
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
    // Lower-cased NFKC form of the name: what uniqueness is checked on.
    nameKey: text("name_key").notNull(),
    roles: text("roles", { mode: "json" }).$type<DirectoryRoleId[]>().notNull(),
    durationDays: integer("duration_days").notNull(),
    autoExtend: integer("auto_extend", { mode: "boolean" }).notNull(),
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
    // The last expiry notice queued ("7d.<end>"): the job skips what it has already told.
    lastNoticeKey: text("last_notice_key"),
  },
  (t) => [
    // The name is unique per partner, whatever its case.
    uniqueIndex("admin_relationships_partner_name_uq").on(t.partnerId, t.nameKey),
    // Paging orders end with the id, so the indexes do too (an index otherwise ends with the hidden rowid).
    index("admin_relationships_partner_state_idx").on(t.partnerId, t.state, t.endsAt, t.id),
    // "Ending within N days" spans two states: one range on this index, already in order.
    index("admin_relationships_partner_ends_idx").on(t.partnerId, t.endsAt, t.id),
    index("admin_relationships_customer_state_idx").on(t.customerId, t.state),
    // The expiring page's "Global Administrator in force" count reads only this small index.
    index("admin_relationships_partner_global_admin_idx").on(t.partnerId, t.state).where(holdsGlobalAdministrator(t.roles)),
  ],
);
