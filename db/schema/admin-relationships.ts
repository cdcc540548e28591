import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { DirectoryRoleId } from "../../lib/admin-relationships/directory-roles";
import { ADMIN_RELATIONSHIP_STATES } from "../../lib/admin-relationships/states";
import { users } from "./auth";
import { timestamp } from "./columns";
import { organizations } from "./organizations";

/**
 * A granular delegated admin relationship: a named, time-limited set of directory roles a
 * partner holds in one customer's tenant. Roles and duration never change after creation.
 */
export const adminRelationships = sqliteTable(
  "admin_relationships",
  {
    id: text("id").primaryKey(),
    partnerId: text("partner_id").notNull().references(() => organizations.id),
    customerId: text("customer_id").notNull().references(() => organizations.id),
    name: text("name").notNull(),
    // Lower-cased NFKC form of the name: what uniqueness is checked on.
    nameKey: text("name_key").notNull(),
    roles: text("roles", { mode: "json" }).$type<DirectoryRoleId[]>().notNull(),
    durationDays: integer("duration_days").notNull(),
    autoExtend: integer("auto_extend", { mode: "boolean" }).notNull(),
    state: text("state", { enum: ADMIN_RELATIONSHIP_STATES }).notNull(),
    createdByUserId: text("created_by_user_id").notNull().references(() => users.id),
    createdAt: timestamp("created_at").notNull(),
    requestedAt: timestamp("requested_at"),
    activatedAt: timestamp("activated_at"),
    endsAt: timestamp("ends_at"),
    endedAt: timestamp("ended_at"),
    decidedByUserId: text("decided_by_user_id").references(() => users.id),
    replacesId: text("replaces_id"),
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
  ],
);
