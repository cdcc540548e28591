import { firstRow } from "@/db/query";
import { eq } from "drizzle-orm";
import { adminRelationships, organizations } from "@/db/schema";
import { membersWith } from "@/lib/auth/recipients";
import type { Tx } from "@/db/transaction";
import type { ServiceContext } from "@/lib/context";
import { enqueueEmail } from "@/lib/email/outbox";
import { adminRelationshipEmail, type AdminRelationshipEmailKind } from "@/lib/email/admin-relationship-templates";

type Row = typeof adminRelationships.$inferSelect;

/** Who hears about each event: those who decide on the customer's side, those who manage it on the partner's, or both. */
const AUDIENCE: Record<AdminRelationshipEmailKind, ("customer" | "partner")[]> = {
  requested: ["customer"],
  approved: ["partner", "customer"],
  rejected: ["partner"],
  terminated: ["partner", "customer"],
  expiring: ["partner", "customer"],
  expired: ["partner", "customer"],
};

/**
 * Queues the event's emails in the caller's transaction, each in its recipient's language.
 * `noticeKey` tells notices of the same kind apart (the 30-, 7- and 1-day expiry notices);
 * the outbox ignores a key it already holds, so a job that runs twice sends nothing twice.
 */
export async function notifyAdminRelationship(
  ctx: ServiceContext,
  tx: Tx,
  kind: AdminRelationshipEmailKind,
  r: Row,
  now: Date,
  notice?: { key: string; daysLeft: number },
): Promise<void> {
  const nameOf = async (id: string) =>
    (await firstRow(tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, id))))?.name ?? "";
  const partnerName = await nameOf(r.partnerId);
  const customerName = await nameOf(r.customerId);
  for (const side of AUDIENCE[kind]) {
    // By permission, never by role name: whoever may approve or manage admin relationships hears of them.
    const recipients =
      side === "customer"
        ? await membersWith(tx, [r.customerId], "customer.admin_relationships.approve")
        : await membersWith(tx, [r.partnerId], "admin_relationships.write");
    const url =
      side === "customer"
        ? `${ctx.config.publicBaseUrl}/customer/${r.customerId}/admin-relationships/${r.id}`
        : `${ctx.config.publicBaseUrl}/partner/${r.partnerId}/customers/${r.customerId}`;
    for (const to of recipients) {
      await enqueueEmail(
        tx,
        {
          idempotencyKey: `admin_relationship.${r.id}.${kind}${notice ? `.${notice.key}` : ""}.${to.email}`,
          kind: `admin_relationship.${kind}`,
          to: to.email,
          organizationId: side === "customer" ? r.customerId : r.partnerId,
          relatedId: r.id,
          ...adminRelationshipEmail({
            kind,
            locale: to.locale,
            partnerName,
            customerName,
            relationship: r,
            url,
            daysLeft: notice?.daysLeft,
          }),
        },
        now,
      );
    }
  }
}
