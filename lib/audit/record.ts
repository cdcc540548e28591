import type { Db } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { AuditAction } from "./actions";

/** The transaction handle of db.transaction(); audit rows are written only inside one. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export type AuditInput = {
  organizationId: string;
  customerId?: string | null;
  actor: { userId: string; email: string } | null;
  action: AuditAction;
  targetType: string;
  targetId: string;
  details?: Record<string, string | number | boolean | null>;
  at: Date;
};

/** Appends one audit row in the caller's transaction, so the change and its record commit together. */
export function recordAudit(tx: Tx, e: AuditInput): void {
  tx.insert(auditEvents)
    .values({
      organizationId: e.organizationId,
      customerId: e.customerId ?? null,
      actorUserId: e.actor?.userId ?? null,
      actorEmail: e.actor?.email ?? null,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId,
      details: e.details ?? null,
      createdAt: e.at,
    })
    .run();
}
