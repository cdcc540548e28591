import { sql } from "drizzle-orm";
import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { DirectoryRoleId } from "../../values/directory-roles";
import type { GroupRoles } from "../../values/templates";
import { users } from "./auth";
import { timestamp } from "./columns";
import { organizations } from "./organizations";

/** A partner's named admin-relationship template; what it asks is in its versions. */
export const adminTemplates = sqliteTable(
  "admin_templates",
  {
    id: text("id").primaryKey(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => organizations.id),
    name: text("name").notNull(),
    nameKey: text("name_key").notNull(),
    // The current version's number: a request made from the template uses that version.
    version: integer("version").notNull(),
    createdAt: timestamp("created_at").notNull(),
    updatedAt: timestamp("updated_at").notNull(),
    deletedAt: timestamp("deleted_at"),
  },
  (t) => [
    uniqueIndex("admin_templates_partner_name_uq")
      .on(t.partnerId, t.nameKey)
      .where(sql`deleted_at is null`),
  ],
);

/**
 * One version of a template, never changed once written: editing a template adds a version,
 * and every admin relationship made from one names it.
 */
export const adminTemplateVersions = sqliteTable(
  "admin_template_versions",
  {
    id: text("id").primaryKey(),
    templateId: text("template_id")
      .notNull()
      .references(() => adminTemplates.id),
    version: integer("version").notNull(),
    roles: text("roles", { mode: "json" }).$type<DirectoryRoleId[]>().notNull(),
    durationDays: integer("duration_days").notNull(),
    autoExtend: integer("auto_extend", { mode: "boolean" }).notNull(),
    // Which of the partner's security groups receive which of the roles once a customer approves.
    groupRoles: text("group_roles", { mode: "json" }).$type<GroupRoles>().notNull(),
    createdByUserId: text("created_by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [uniqueIndex("admin_template_versions_uq").on(t.templateId, t.version)],
);
