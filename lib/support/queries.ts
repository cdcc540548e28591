import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { prepared } from "@/db/prepared";
import { subscriptions, supportActions, supportAssignments, users } from "@/db/schema";

/** Subscriptions a customer assigned to this partner for support, with the actions recorded on them. */
export async function listSupportedSubscriptions(db: Db, partnerId: string, customerId: string) {
  const rows = await supportedBy(db).execute({ partnerId, customerId });
  const actions = rows.length
    ? await db
        .select({
          id: supportActions.id,
          assignmentId: supportActions.assignmentId,
          note: supportActions.note,
          createdAt: supportActions.createdAt,
          by: users.email,
        })
        .from(supportActions)
        .innerJoin(users, eq(users.id, supportActions.userId))
        .where(
          inArray(
            supportActions.assignmentId,
            rows.map((r) => r.assignmentId),
          ),
        )
        .orderBy(desc(supportActions.createdAt))
        .limit(100)
    : [];
  return rows.map((r) => ({ ...r, actions: actions.filter((a) => a.assignmentId === r.assignmentId) }));
}

// The partner's page of a customer asks on every visit: prepared once per connection (db/prepared.ts).
const supportedBy = (db: Db) =>
  prepared(db, "support.supportedBy", (d) =>
    d
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
      .where(
        and(
          eq(supportAssignments.partnerId, sql.placeholder("partnerId")),
          eq(supportAssignments.customerId, sql.placeholder("customerId")),
          eq(supportAssignments.state, "active"),
        ),
      )
      .orderBy(subscriptions.product)
      .prepare(),
  );
