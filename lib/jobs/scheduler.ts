import "server-only";
import { activatePendingAssignments } from "@/lib/access/assignments";
import { runAdminRelationshipJobs } from "@/lib/admin-relationships/jobs";
import { purgeExpiredSessions } from "@/lib/auth/session";
import { kickOutbox } from "@/lib/email/worker";
import { purgeOldRateLimits } from "@/lib/rate-limits/limiter";
import { purgeExpiredIdempotencyKeys } from "@/lib/api/idempotency";
import { env } from "@/lib/env";
import { serviceContext } from "@/lib/server-context";
import { hostname } from "node:os";
import { claimTick } from "./lease";
import { execute } from "@/lib/operations/execute";
import { noteExpiredInvitations } from "@/lib/invitations/expiry";

const holder = globalThis as unknown as { __prcJobs?: NodeJS.Timeout };

/** This server, as it signs its claims on a tick. */
const SERVER = `${hostname()}:${process.pid}`;

/**
 * Runs the time-driven job now and then every JOBS_INTERVAL_MS; its emails leave through the
 * outbox. With several servers on one database, each tick runs on one of them: the first to
 * claim it (lib/jobs/lease.ts), for a little less than the interval, so its own next tick
 * finds the claim run out.
 */
export function startScheduledJobs(): void {
  if (holder.__prcJobs) return;
  const interval = env().JOBS_INTERVAL_MS;
  const tick = async () => {
    try {
      const ctx = serviceContext();
      if (!(await claimTick(ctx.db, "scheduled-jobs", SERVER, ctx.now(), interval * 0.9))) return;
      const report = await runAdminRelationshipJobs(ctx);
      await execute(activatePendingAssignments, ctx, "system", {});
      await noteExpiredInvitations(ctx);
      await purgeOldRateLimits(ctx.db, ctx.now());
      await purgeExpiredIdempotencyKeys(ctx.db, ctx.now());
      await purgeExpiredSessions(ctx.db, ctx.now());
      if (Object.values(report).some((n) => n > 0)) void kickOutbox();
    } catch (error) {
      console.error("scheduled job failed", error);
    }
  };
  holder.__prcJobs = setInterval(() => void tick(), interval);
  holder.__prcJobs.unref();
  void tick();
}
