import { changedRows } from "@/db/query";
import { and, eq } from "drizzle-orm";
import { adminRelationships } from "@/db/schema";
import type { Actor } from "@/lib/auth/membership";
import type { AuditAction } from "@/db/values/audit";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/db/transaction";
import { DomainError } from "@/lib/errors";
import { transition, type AdminRelationshipEvent, type Side } from "./state-machine";

export type Row = typeof adminRelationships.$inferSelect;

/**
 * Applies one transition with a conditional update on the state it starts from, so two
 * concurrent decisions cannot both win: the loser gets INVALID_TRANSITION.
 */
export async function apply(tx: Tx, row: Row, event: AdminRelationshipEvent, by: Side, changes: Partial<Row>): Promise<Row> {
  const next = { ...row, ...changes, state: transition(row.state, event, by) };
  const changed = changedRows(
    await tx
      .update(adminRelationships)
      .set({ ...changes, state: next.state })
      .where(and(eq(adminRelationships.id, row.id), eq(adminRelationships.state, row.state))),
  );
  if (changed !== 1) throw new DomainError("INVALID_TRANSITION", { from: row.state, event });
  return next;
}

/** One audit row for a relationship event, in the customer's tenant and the acting organization. */
export async function audit(
  tx: Tx,
  r: Row,
  actor: Actor | null,
  action: Extract<AuditAction, `admin_relationship.${string}`>,
  at: Date,
  organizationId = r.partnerId,
) {
  await recordAudit(tx, {
    organizationId,
    customerId: r.customerId,
    actor,
    action,
    targetType: "admin_relationship",
    targetId: r.id,
    details: { name: r.name, roles: r.roles.length, days: r.durationDays },
    at,
  });
}
