import { index, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import type { MemberRole } from "../../values/roles";
import { users } from "./auth";
import { timestamp } from "./columns";
import { organizations } from "./organizations";

export const memberships = pgTable(
  "memberships",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    roles: jsonb("roles").$type<MemberRole[]>().notNull(),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [uniqueIndex("memberships_org_user_uq").on(t.organizationId, t.userId), index("memberships_user_idx").on(t.userId)],
);
