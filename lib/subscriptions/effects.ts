import type { Actor, Member } from "@/lib/auth/membership";
import { membersWith } from "@/lib/auth/recipients";
import type { AuditAction } from "@/db/values/audit";
import { recordAudit } from "@/lib/audit/record";
import type { subscriptions } from "@/db/schema";
import type { Tx } from "@/db/transaction";
import type { ServiceContext } from "@/lib/context";
import type { NoticeKind } from "@/lib/email/templates";
import { enqueueNotices } from "@/lib/email/notices";

/*
 * What every sale and change of a subscription does besides writing it, in its transaction:
 * an activity entry on the acting side, and an email to the customer's administrators.
 */

type Subscription = typeof subscriptions.$inferSelect;

/** The customer's administrators are emailed (through the outbox, after commit). */
export async function tellCustomer(ctx: ServiceContext, tx: Tx, sub: Subscription, kind: NoticeKind, by: string, now: Date) {
  await enqueueNotices(tx, await membersWith(tx, [sub.customerId], "customer.dashboard.read"), {
    kind,
    outboxKind: `subscription.${kind}`,
    key: `subscription.${sub.id}.${kind}.${now.getTime()}`,
    vars: { product: sub.product, seats: String(sub.seats), partner: by },
    url: `${ctx.config.publicBaseUrl}/customer/${sub.customerId}#subscriptions`,
    relatedId: sub.id,
    now,
  });
}

/** The activity entry, with the product and seats it concerns. */
export async function auditChange(
  tx: Tx,
  member: Member,
  actor: Actor,
  sub: Subscription,
  action: AuditAction,
  details: Record<string, string | number>,
  now: Date,
) {
  await recordAudit(tx, {
    organizationId: member.organization.id,
    customerId: sub.customerId,
    actor,
    action,
    targetType: "subscription",
    targetId: sub.id,
    details: { product: sub.product, seats: sub.seats, ...details },
    at: now,
  });
}
