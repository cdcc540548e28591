import { and, asc, eq, inArray, isNull, lte } from "drizzle-orm";
import { z } from "zod";
import { invitations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { ServiceContext } from "@/lib/context";
import { defineOperation } from "@/lib/operations/define";
import { execute } from "@/lib/operations/execute";

/** At most this many per tick: a backlog (an installation off for a while) clears over a few ticks. */
export const EXPIRY_BATCH = 500;

const OPEN = ["sent", "opened"] as const;
const due = (now: Date) => and(isNull(invitations.expiryNotedAt), inArray(invitations.state, [...OPEN]), lte(invitations.expiresAt, now));

/**
 * An invitation's time ran out unanswered. Its status is worked out from its expiry when it is
 * read, so nothing has to change for people to see it; this notes the moment once, for the
 * activity log and the `invitation-expired` webhook event (queued with the entry).
 */
export const noteInvitationExpired = defineOperation({
  name: "invitation.note_expired",
  input: z.object({ invitationId: z.string() }),
  authorize: { system: true },
  async run(ctx, { invitationId }) {
    const { tx } = ctx;
    const now = ctx.now();
    // Conditional, so two servers' ticks (or a resend in between) note it at most once.
    const [inv] = await tx
      .update(invitations)
      .set({ expiryNotedAt: now })
      .where(and(eq(invitations.id, invitationId), due(now)))
      .returning();
    if (!inv) return false;
    await recordAudit(tx, {
      organizationId: inv.partnerId,
      actor: null,
      action: "invitation.expired",
      targetType: "invitation",
      targetId: inv.id,
      details: { email: inv.email },
      at: now,
    });
    return true;
  },
});

/** The scheduled job's step: notes the invitations whose time ran out since the last tick. */
export async function noteExpiredInvitations(ctx: ServiceContext): Promise<number> {
  const now = ctx.now();
  const rows = await ctx.db
    .select({ id: invitations.id })
    .from(invitations)
    .where(due(now))
    .orderBy(asc(invitations.expiresAt))
    .limit(EXPIRY_BATCH);
  let noted = 0;
  for (const { id } of rows) if (await execute(noteInvitationExpired, ctx, "system", { invitationId: id })) noted++;
  return noted;
}
