import { firstRow } from "@/db/query";
import "server-only";
import { and, asc, desc, eq, gt, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { emailOutbox, invitations, organizations, users } from "@/db/schema";
import { type Member, ensurePermitted } from "@/lib/auth/membership";
import { PAGE_SIZE, toPage } from "@/lib/pagination";
import type { ServiceContext } from "@/lib/context";
import { contains } from "@/lib/search";
import { findInvitationByToken } from "./respond";
import { invitationStatus, type InvitationStatus } from "./status";

/** Invitations in a status at `now` (expired is a moment, not a state), in SQL. */
export function statusFilter(status: InvitationStatus | undefined, now: Date): SQL | undefined {
  if (!status) return undefined;
  if (status === "expired") return and(inArray(invitations.state, ["sent", "opened"]), lte(invitations.expiresAt, now));
  if (status === "sent" || status === "opened") return and(eq(invitations.state, status), gt(invitations.expiresAt, now));
  return eq(invitations.state, status);
}

export const INVITATION_SORTS = ["newest", "oldest", "email"] as const;
export type InvitationSort = (typeof INVITATION_SORTS)[number];

/** Each order walks an index that starts with the partner and ends with the id, and carries the email for a search. */
function invitationOrder(sort: InvitationSort) {
  switch (sort) {
    case "oldest":
      return [asc(invitations.createdAt), asc(invitations.id)];
    case "email":
      return [asc(invitations.email), asc(invitations.id)];
    default:
      return [desc(invitations.createdAt), desc(invitations.id)];
  }
}

export async function listPartnerInvitations(
  db: Db,
  member: Member,
  opts: { page: number; status?: InvitationStatus; now: Date; q?: string; sort?: InvitationSort },
) {
  ensurePermitted(member, "invitations.read");
  const q = opts.q?.trim();
  const rows = (
    await db
      .select({
        id: invitations.id,
        email: invitations.email,
        state: invitations.state,
        expiresAt: invitations.expiresAt,
        lastSentAt: invitations.lastSentAt,
        customerId: invitations.customerId,
        customerName: organizations.name,
        adminRequest: invitations.adminRequest,
        // Delivery of the latest email for it (its outbox key names the invitation and the send).
        emailState: emailOutbox.state,
        emailAttempts: emailOutbox.attempts,
        emailError: emailOutbox.lastError,
      })
      .from(invitations)
      .leftJoin(organizations, eq(organizations.id, invitations.customerId))
      .leftJoin(emailOutbox, eq(emailOutbox.idempotencyKey, sql`'invitation.' || ${invitations.id} || '.' || ${invitations.sendCount}`))
      .where(
        and(
          eq(invitations.partnerId, member.organization.id),
          statusFilter(opts.status, opts.now),
          q ? contains(invitations.email, q) : undefined,
        ),
      )
      .orderBy(...invitationOrder(opts.sort ?? "newest"))
      .limit(PAGE_SIZE + 1)
      .offset((opts.page - 1) * PAGE_SIZE)
  ).map((r) => ({ ...r, status: invitationStatus(r, opts.now) }));
  return toPage(rows, opts.page);
}

/** What the public landing page may show about an invitation: nothing beyond who asks and for what. */
export async function getInvitationLanding(ctx: ServiceContext, token: string) {
  const inv = await findInvitationByToken(ctx, token);
  if (!inv) return null;
  const partner = await firstRow(ctx.db.select().from(organizations).where(eq(organizations.id, inv.partnerId)));
  const inviter = await firstRow(ctx.db.select({ email: users.email }).from(users).where(eq(users.id, inv.createdByUserId)));
  if (!partner) return null;
  const provider = inv.providerId
    ? await firstRow(
        ctx.db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(eq(organizations.id, inv.providerId)),
      )
    : undefined;
  // Set once accepted: the tenant the relationship is with (new or existing).
  const customer = inv.customerId
    ? await firstRow(ctx.db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, inv.customerId)))
    : undefined;
  return {
    id: inv.id,
    email: inv.email,
    message: inv.message,
    status: invitationStatus(inv, ctx.now()),
    expiresAt: inv.expiresAt,
    customerId: inv.customerId,
    customerName: customer?.name ?? null,
    adminRequest: inv.adminRequest,
    inviterEmail: inviter?.email ?? "",
    partner: { id: partner.id, name: partner.name, cloud: partner.cloud, partnerType: partner.partnerType },
    // Two-tier: the indirect provider that becomes a partner too with the same acceptance.
    provider: provider ?? null,
  };
}
