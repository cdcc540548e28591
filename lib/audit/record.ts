import type { Tx } from "@/db/transaction";
import { placeholders, prepared } from "@/db/prepared";
import { auditEvents } from "@/db/schema";
import type { AuditAction } from "@/db/values/audit";
import { queueEventsOfAudit } from "@/lib/webhooks/queue";

export type AuditInput = {
  organizationId: string;
  customerId?: string | null;
  /** Who acted: a person, a key (named as it was named then, with the person who made it), or nobody (the system). */
  actor: { userId: string; email: string; key?: { id: string; name: string } } | null;
  action: AuditAction;
  targetType: string;
  targetId: string;
  details?: Record<string, string | number | boolean | null>;
  at: Date;
};

const insertAudit = (tx: Tx) =>
  prepared(tx, "audit.insert", (db) =>
    db
      .insert(auditEvents)
      .values(
        placeholders(
          "organizationId",
          "customerId",
          "actorUserId",
          "actorEmail",
          "actorKeyId",
          "actorKeyName",
          "action",
          "targetType",
          "targetId",
          "details",
          "createdAt",
        ),
      )
      .prepare(),
  );

/**
 * Appends one audit row in the caller's transaction, so the change and its record commit
 * together; an entry that is also a webhook event (lib/webhooks/events.ts) is queued with it.
 */
export async function recordAudit(tx: Tx, e: AuditInput): Promise<void> {
  await insertAudit(tx).execute({
    organizationId: e.organizationId,
    customerId: e.customerId ?? null,
    actorUserId: e.actor?.userId ?? null,
    actorEmail: e.actor?.email ?? null,
    actorKeyId: e.actor?.key?.id ?? null,
    actorKeyName: e.actor?.key?.name ?? null,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    details: e.details ?? null,
    createdAt: e.at,
  });
  await queueEventsOfAudit(tx, e);
}
