import { eq } from "drizzle-orm";
import { adminRelationships, memberships, organizations, users } from "@/db/schema";
import type { MemberRole } from "@/lib/auth/roles";
import type { Tx } from "@/lib/audit/record";
import type { ServiceContext } from "@/lib/context";
import { enqueueEmail } from "@/lib/email/outbox";
import { adminRelationshipEmail, type AdminRelationshipEmailKind } from "@/lib/email/admin-relationship-templates";

type Row = typeof adminRelationships.$inferSelect;

/** Members of an organization holding a role, with the language they read email in. */
function membersWithRole(tx: Tx, organizationId: string, role: MemberRole) {
  return tx
    .select({ email: users.email, locale: users.locale, roles: memberships.roles })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, organizationId))
    .all()
    .filter((m) => m.roles.includes(role));
}

/** Who hears about each event: the customer's Global administrators, the partner's Admin agents, or both. */
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
export function notifyAdminRelationship(ctx: ServiceContext, tx: Tx, kind: AdminRelationshipEmailKind, r: Row, now: Date, notice?: { key: string; daysLeft: number }): void {
  const nameOf = (id: string) => tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, id)).get()?.name ?? "";
  const partnerName = nameOf(r.partnerId);
  const customerName = nameOf(r.customerId);
  for (const side of AUDIENCE[kind]) {
    const recipients = side === "customer" ? membersWithRole(tx, r.customerId, "global_admin") : membersWithRole(tx, r.partnerId, "admin_agent");
    const url =
      side === "customer"
        ? `${ctx.config.publicBaseUrl}/customer/${r.customerId}/admin-relationships/${r.id}`
        : `${ctx.config.publicBaseUrl}/partner/${r.partnerId}/customers/${r.customerId}`;
    for (const to of recipients) {
      enqueueEmail(
        tx,
        {
          idempotencyKey: `admin_relationship.${r.id}.${kind}${notice ? `.${notice.key}` : ""}.${to.email}`,
          kind: `admin_relationship.${kind}`,
          to: to.email,
          organizationId: side === "customer" ? r.customerId : r.partnerId,
          relatedId: r.id,
          ...adminRelationshipEmail({ kind, locale: to.locale ?? "en", partnerName, customerName, relationship: r, url, daysLeft: notice?.daysLeft }),
        },
        now,
      );
    }
  }
}
