import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import type { DirectoryRoleId } from "../../values/directory-roles";
import { adminRelationships } from "./admin-relationships";
import { users } from "./auth";
import { timestamp } from "./columns";
import { organizations } from "./organizations";
import { ACCESS_ASSIGNMENT_STATES } from "../../values/access";

export const securityGroups = pgTable(
  "security_groups",
  {
    id: text("id").primaryKey(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => organizations.id),
    name: text("name").notNull(),
    nameKey: text("name_key").notNull(),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [uniqueIndex("security_groups_partner_name_uq").on(t.partnerId, t.nameKey)],
);

export const securityGroupMembers = pgTable(
  "security_group_members",
  {
    partnerId: text("partner_id")
      .notNull()
      .references(() => organizations.id),
    groupId: text("group_id")
      .notNull()
      .references(() => securityGroups.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] }), index("security_group_members_partner_user_idx").on(t.partnerId, t.userId)],
);

export const accessAssignments = pgTable(
  "access_assignments",
  {
    id: text("id").primaryKey(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => organizations.id),
    adminRelationshipId: text("admin_relationship_id")
      .notNull()
      .references(() => adminRelationships.id),
    groupId: text("group_id")
      .notNull()
      .references(() => securityGroups.id),
    roles: jsonb("roles").$type<DirectoryRoleId[]>().notNull(),
    state: text("state", { enum: ACCESS_ASSIGNMENT_STATES }).notNull(),
    createdAt: timestamp("created_at").notNull(),
    // The last change of its roles (none yet: its creation); the API's ETag.
    updatedAt: timestamp("updated_at"),
    deletedAt: timestamp("deleted_at"),
  },
  (t) => [
    index("access_assignments_partner_relationship_idx").on(t.partnerId, t.adminRelationshipId),
    uniqueIndex("access_assignments_live_uq")
      .on(t.adminRelationshipId, t.groupId)
      .where(sql`state <> 'deleted'`),
  ],
);
