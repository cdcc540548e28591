import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { subscriptions, supportActions, supportAssignments, users } from "@/db/schema";

/** Subscriptions a customer assigned to this partner for support, with the actions recorded on them. */
export function listSupportedSubscriptions(db: Db, partnerId: string, customerId: string) {
  const rows = db
    .select({
      assignmentId: supportAssignments.id,
      since: supportAssignments.createdAt,
      product: subscriptions.product,
      seats: subscriptions.seats,
      purchaseChannel: subscriptions.purchaseChannel,
      subscriptionId: subscriptions.id,
    })
    .from(supportAssignments)
    .innerJoin(subscriptions, eq(subscriptions.id, supportAssignments.subscriptionId))
    .where(and(eq(supportAssignments.partnerId, partnerId), eq(supportAssignments.customerId, customerId), eq(supportAssignments.state, "active")))
    .orderBy(subscriptions.product)
    .all();
  const actions = rows.length
    ? db
        .select({ id: supportActions.id, assignmentId: supportActions.assignmentId, note: supportActions.note, createdAt: supportActions.createdAt, by: users.email })
        .from(supportActions)
        .innerJoin(users, eq(users.id, supportActions.userId))
        .where(inArray(supportActions.assignmentId, rows.map((r) => r.assignmentId)))
        .orderBy(desc(supportActions.createdAt))
        .limit(100)
        .all()
    : [];
  return rows.map((r) => ({ ...r, actions: actions.filter((a) => a.assignmentId === r.assignmentId) }));
}
