import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { prepared } from "@/db/prepared";
import { auditEvents } from "@/db/schema";

const columns = {
  id: auditEvents.id,
  action: auditEvents.action,
  actorEmail: auditEvents.actorEmail,
  actorKeyName: auditEvents.actorKeyName,
  details: auditEvents.details,
  createdAt: auditEvents.createdAt,
};

/** Events that touch a customer tenant, by anyone (a customer sees every partner's events in it). */
export async function listCustomerActivity(db: Db, customerId: string, limit = 20) {
  return await db
    .select(columns)
    .from(auditEvents)
    .where(eq(auditEvents.customerId, customerId))
    .orderBy(desc(auditEvents.id))
    .limit(limit);
}

/** A partner's own events about one of its customers (a partner sees only its own organization's events). */
export async function listPartnerActivityForCustomer(db: Db, partnerId: string, customerId: string, limit = 20) {
  return await partnerActivityFor(db).execute({ partnerId, customerId, limit });
}

// The partner's page of a customer shows these on every visit: prepared once per connection (db/prepared.ts).
const partnerActivityFor = (db: Db) =>
  prepared(db, "audit.partnerActivityForCustomer", (d) =>
    d
      .select(columns)
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, sql.placeholder("partnerId")), eq(auditEvents.customerId, sql.placeholder("customerId"))))
      .orderBy(desc(auditEvents.id))
      .limit(sql.placeholder("limit"))
      .prepare(),
  );
