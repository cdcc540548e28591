import { index, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { MemberRole } from "../../values/roles";
import { users } from "./auth";
import { timestamp } from "./columns";
import { organizations } from "./organizations";

/** A user's place in one organization. A user may hold several roles in it, and belong to several organizations. */
export const memberships = sqliteTable(
  "memberships",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    roles: text("roles", { mode: "json" }).$type<MemberRole[]>().notNull(),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [uniqueIndex("memberships_org_user_uq").on(t.organizationId, t.userId), index("memberships_user_idx").on(t.userId)],
);
