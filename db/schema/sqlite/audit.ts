import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { AuditAction } from "../../values/audit";
import { timestamp } from "./columns";

/**
 * Append-only activity log. `organizationId` is the acting tenant; `customerId` is the
 * customer tenant the event touches, so a customer sees every partner's events in it.
 * The app never updates or deletes these rows.
 */
export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
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
    details: text("details", { mode: "json" }).$type<Record<string, string | number | boolean | null>>(),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [
    index("audit_events_org_id_idx").on(t.organizationId, t.id),
    // Only the events about a customer are indexed by it: the others (an invitation sent, a
    // team change) write no page of these, and every query of them names a customer.
    index("audit_events_customer_id_idx")
      .on(t.customerId, t.id)
      .where(sql`customer_id is not null`),
    // The activity log's filters: by action within a tenant, newest first.
    index("audit_events_org_action_id_idx").on(t.organizationId, t.action, t.id),
    index("audit_events_customer_action_id_idx")
      .on(t.customerId, t.action, t.id)
      .where(sql`customer_id is not null`),
  ],
);
