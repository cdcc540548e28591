import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import type { AuditAction } from "../../values/audit";
import { timestamp } from "./columns";

export const auditEvents = pgTable(
  "audit_events",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    organizationId: text("organization_id").notNull(),
    customerId: text("customer_id"),
    actorUserId: text("actor_user_id"),
    actorEmail: text("actor_email"),
    // A key that acted, as named when it acted: the activity log names the key and the person who made it.
    actorKeyId: text("actor_key_id"),
    actorKeyName: text("actor_key_name"),
    action: text("action").$type<AuditAction>().notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    details: jsonb("details").$type<Record<string, string | number | boolean | null>>(),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [
    index("audit_events_org_id_idx").on(t.organizationId, t.id),
    // Only the events about a customer are indexed by it: the others (an invitation sent, a
    // team change) write no page of these, and every query of them names a customer.
    index("audit_events_customer_id_idx")
      .on(t.customerId, t.id)
      .where(sql`customer_id is not null`),
    index("audit_events_org_action_id_idx").on(t.organizationId, t.action, t.id),
    index("audit_events_customer_action_id_idx")
      .on(t.customerId, t.action, t.id)
      .where(sql`customer_id is not null`),
  ],
);
