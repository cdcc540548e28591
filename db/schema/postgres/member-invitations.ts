import { index, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import type { MemberRole } from "../../values/roles";
import { INVITATION_STATES } from "../../values/invitations";
import { users } from "./auth";
import { timestamp } from "./columns";
import { organizations } from "./organizations";

export const memberInvitations = pgTable(
  "member_invitations",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id),
    email: text("email").notNull(),
    roles: jsonb("roles").$type<MemberRole[]>().notNull(),
    locale: text("locale").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    state: text("state", { enum: INVITATION_STATES }).notNull(),
    createdByUserId: text("created_by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at").notNull(),
    expiresAt: timestamp("expires_at").notNull(),
    respondedAt: timestamp("responded_at"),
    respondedByUserId: text("responded_by_user_id").references(() => users.id),
  },
  (t) => [index("member_invitations_org_created_idx").on(t.organizationId, t.createdAt)],
);
