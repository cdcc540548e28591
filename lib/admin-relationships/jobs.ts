import { dialect } from "@/db/dialect";
import { changedRows } from "@/db/query";
import { and, eq, inArray, isNull, lte, ne, or, sql, type SQL } from "drizzle-orm";
import { adminRelationships } from "@/db/schema";
import { holdsGlobalAdministrator } from "@/db/schema";
import { z } from "zod";
import { adminRelationshipResource } from "@/lib/api/resources";
import { queueWebhookEvent } from "@/lib/webhooks/queue";
import { firstRow } from "@/db/query";
import type { ServiceContext } from "@/lib/context";
import { defineOperation, type Operation, type OperationContext } from "@/lib/operations/define";
import { execute } from "@/lib/operations/execute";
import { deleteAssignmentsOf } from "@/lib/access/assignments";
import { endSupportWithoutAdminAccess } from "@/lib/support/service";
import { isDomainError } from "@/lib/errors";
import { inGoodStanding } from "@/lib/partners/standing";
import { GLOBAL_ADMINISTRATOR } from "@/db/values/directory-roles";
import { notifyAdminRelationship } from "./notify";
import { IN_FORCE } from "./states";
import { apply, audit, type Row } from "./transitions";

const DAY = 86_400_000;
export const LAPSE_AFTER_DAYS = 90;
export const EXPIRING_WITHIN_DAYS = 30;
export const AUTO_EXTEND_DAYS = 180;
/** Expiry notices, largest first: a job that missed the 30-day mark still sends the 7-day one. */
export const NOTICE_DAYS = [30, 7, 1] as const;

export function canAutoExtend(r: Pick<Row, "autoExtend" | "roles">): boolean {
  return r.autoExtend && !r.roles.includes(GLOBAL_ADMINISTRATOR);
}

export type JobReport = { lapsed: number; expiring: number; extended: number; expired: number; notices: number };

const relationshipRef = z.object({ relationshipId: z.string() });

/**
 * The relationship as it is now, read in the step's transaction, if it still qualifies: a
 * step decided from an older read (another server's job moved it since) changes nothing.
 */
async function stillDue(ctx: OperationContext<"system">, id: string, due: (r: Row) => boolean): Promise<Row | null> {
  const row = await firstRow(ctx.tx.select().from(adminRelationships).where(eq(adminRelationships.id, id)));
  return row && due(row) ? row : null;
}

const lapseDue = (now: Date) => (r: Row) =>
  r.state === "approvalPending" && r.requestedAt!.getTime() <= now.getTime() - LAPSE_AFTER_DAYS * DAY;
const termEnded = (now: Date) => (r: Row) => IN_FORCE.includes(r.state as (typeof IN_FORCE)[number]) && !!r.endsAt && r.endsAt <= now;
const expiringSoon = (now: Date) => (r: Row) =>
  r.state === "active" && !!r.endsAt && r.endsAt.getTime() <= now.getTime() + EXPIRING_WITHIN_DAYS * DAY;

/** A request unanswered for 90 days lapses. */
export const lapseAdminRelationship = defineOperation({
  name: "admin_relationship.lapse",
  input: relationshipRef,
  authorize: { system: true },
  async run(ctx, { relationshipId }) {
    const now = ctx.now();
    const r = await stillDue(ctx, relationshipId, lapseDue(now));
    if (!r) return false;
    const lapsed = await apply(ctx.tx, r, "lapse", "system", { endedAt: now });
    await audit(ctx.tx, lapsed, null, "admin_relationship.lapsed", now);
    return true;
  },
});

/** At the end of its term a relationship extends itself by 180 days when it may, and expires otherwise. */
export const endAdminRelationshipTerm = defineOperation({
  name: "admin_relationship.end_term",
  input: relationshipRef,
  authorize: { system: true },
  async run(ctx, { relationshipId }): Promise<"extended" | "expired" | null> {
    const { tx } = ctx;
    const now = ctx.now();
    const r = await stillDue(ctx, relationshipId, termEnded(now));
    if (!r) return null;
    // Extending gives the partner 180 more days: one out of standing gains nothing, and the relationship ends.
    if (canAutoExtend(r) && (await inGoodStanding(tx, r.partnerId))) {
      const extended = await apply(tx, r, "extend", "system", { endsAt: new Date(r.endsAt!.getTime() + AUTO_EXTEND_DAYS * DAY) });
      await audit(tx, extended, null, "admin_relationship.extended", now);
      return "extended";
    }
    const expired = await apply(tx, r, "expire", "system", { endedAt: r.endsAt });
    await deleteAssignmentsOf(tx, expired.id, now);
    await endSupportWithoutAdminAccess(ctx, tx, expired.partnerId, expired.customerId, null, now);
    await audit(tx, expired, null, "admin_relationship.expired", now);
    await notifyAdminRelationship(ctx, tx, "expired", expired, now, { key: `on-the-day.${r.endsAt!.getTime()}`, daysLeft: 0 });
    return "expired";
  },
});

/** An active relationship with 30 days or less left is marked expiring. */
export const markAdminRelationshipExpiring = defineOperation({
  name: "admin_relationship.mark_expiring",
  input: relationshipRef,
  authorize: { system: true },
  async run(ctx, { relationshipId }) {
    const now = ctx.now();
    const r = await stillDue(ctx, relationshipId, expiringSoon(now));
    if (!r) return false;
    const expiring = await apply(ctx.tx, r, "markExpiring", "system", {});
    await audit(ctx.tx, expiring, null, "admin_relationship.expiring", now);
    return true;
  },
});

/** The 30-, 7- or 1-day notice, once per end date (the key includes it, so an extended relationship is warned again next time). */
export const sendExpiryNotice = defineOperation({
  name: "admin_relationship.expiry_notice",
  input: relationshipRef.extend({ key: z.string(), daysLeft: z.number() }),
  authorize: { system: true },
  async run(ctx, { relationshipId, key, daysLeft }) {
    const { tx } = ctx;
    // Claimed first, conditionally: two runs at once send it once, and later runs skip it cheaply.
    const claimed = changedRows(
      await tx
        .update(adminRelationships)
        .set({ lastNoticeKey: key })
        .where(
          and(
            eq(adminRelationships.id, relationshipId),
            eq(adminRelationships.state, "expiring"),
            or(isNull(adminRelationships.lastNoticeKey), ne(adminRelationships.lastNoticeKey, key)),
          ),
        ),
    );
    if (claimed !== 1) return false;
    const r = await firstRow(tx.select().from(adminRelationships).where(eq(adminRelationships.id, relationshipId)));
    await notifyAdminRelationship(ctx, tx, "expiring", r!, ctx.now(), { key, daysLeft });
    await queueWebhookEvent(tx, {
      organizationId: r!.partnerId,
      type: "granular-admin-relationship-expiring",
      data: { ...adminRelationshipResource(r!), daysLeft },
      at: ctx.now(),
    });
    return true;
  },
});

/**
 * Moves time forward for every relationship: lapses requests unanswered for 90 days, marks
 * those with 30 days or less left as expiring, extends eligible ones by 180 days at their
 * end and expires the rest, and queues the expiry notices. Each change is one of the system
 * operations above, one relationship each in its own transaction, checking again that it is
 * due: two runs at once (or twice in a row) do each thing once.
 */
export async function runAdminRelationshipJobs(ctx: ServiceContext): Promise<JobReport> {
  const now = ctx.now();
  const report: JobReport = { lapsed: 0, expiring: 0, extended: 0, expired: 0, notices: 0 };
  const step = async <R>(
    op: Operation<typeof relationshipRef, { relationshipId: string }, R, { system: true }>,
    input: { relationshipId: string },
  ) => {
    try {
      return await execute(op, ctx, "system", input);
    } catch (error) {
      // Another process moved it first: nothing to do.
      if (!isDomainError(error, "INVALID_TRANSITION")) throw error;
      return null;
    }
  };
  const select = async (where: SQL | undefined) => await ctx.db.select().from(adminRelationships).where(where);

  for (const row of await select(
    and(
      eq(adminRelationships.state, "approvalPending"),
      lte(adminRelationships.requestedAt, new Date(now.getTime() - LAPSE_AFTER_DAYS * DAY)),
    ),
  )) {
    if (await step(lapseAdminRelationship, { relationshipId: row.id })) report.lapsed++;
  }

  for (const row of await select(and(inArray(adminRelationships.state, [...IN_FORCE]), lte(adminRelationships.endsAt, now)))) {
    const ended = await step(endAdminRelationshipTerm, { relationshipId: row.id });
    if (ended === "extended") report.extended++;
    if (ended === "expired") {
      report.expired++;
      report.notices++;
    }
  }

  for (const row of await select(
    and(eq(adminRelationships.state, "active"), lte(adminRelationships.endsAt, new Date(now.getTime() + EXPIRING_WITHIN_DAYS * DAY))),
  )) {
    if (await step(markAdminRelationshipExpiring, { relationshipId: row.id })) report.expiring++;
  }

  // Notices for relationships that will really end (not those about to extend themselves).
  for (const row of await select(noticeDue(now))) {
    if (canAutoExtend(row) || !row.endsAt) continue;
    const daysLeft = Math.ceil((row.endsAt.getTime() - now.getTime()) / DAY);
    const threshold = [...NOTICE_DAYS].reverse().find((d) => daysLeft <= d);
    if (!threshold) continue;
    const key = `${threshold}d.${row.endsAt.getTime()}`;
    if (row.lastNoticeKey === key) continue;
    if (await execute(sendExpiryNotice, ctx, "system", { relationshipId: row.id, key, daysLeft })) report.notices++;
  }
  return report;
}

/**
 * Expiring relationships whose notice is due and not yet claimed, decided in SQL with the same
 * key the loop computes: a run with nothing to tell reads nothing. (Reading every expiring
 * row, about 10,000 in the large seed, held the server's event loop for 110 ms a minute.)
 */
function noticeDue(now: Date): SQL | undefined {
  const r = adminRelationships;
  const due = (days: number) => now.getTime() + days * DAY;
  // ceil(daysLeft) <= d exactly when ends_at <= now + d days; the smallest threshold wins.
  const key = sql`case ${sql.join(
    [...NOTICE_DAYS]
      .reverse()
      .map((d) => sql`when ${r.endsAt} <= ${dialect.timeParam(new Date(due(d)))} then ${`${d}d.`} || ${dialect.timeDigits(r.endsAt)}`),
    sql` `,
  )} end`;
  const mayNotExtend = or(eq(r.autoExtend, false), holdsGlobalAdministrator(r.roles));
  return and(
    eq(r.state, "expiring"),
    lte(r.endsAt, new Date(due(NOTICE_DAYS[0]))),
    or(isNull(r.lastNoticeKey), ne(r.lastNoticeKey, key)),
    mayNotExtend,
  );
}
