import "server-only";
import { activatePendingAssignments } from "@/lib/access/assignments";
import { runAdminRelationshipJobs } from "@/lib/admin-relationships/jobs";
import { purgeExpiredSessions } from "@/lib/auth/session";
import { kickOutbox } from "@/lib/email/worker";
import { purgeOldRateLimits } from "@/lib/rate-limits/limiter";
import { env } from "@/lib/env";
import { serviceContext } from "@/lib/server-context";

const holder = globalThis as unknown as { __prcJobs?: NodeJS.Timeout };

/** Runs the time-driven job now and then every JOBS_INTERVAL_MS; its emails leave through the outbox. */
export function startScheduledJobs(): void {
  if (holder.__prcJobs) return;
  const tick = async () => {
    try {
      const ctx = serviceContext();
      const report = await runAdminRelationshipJobs(ctx);
      await activatePendingAssignments(ctx.db);
      await purgeOldRateLimits(ctx.db, ctx.now());
      await purgeExpiredSessions(ctx.db, ctx.now());
      if (Object.values(report).some((n) => n > 0)) void kickOutbox();
    } catch (error) {
      console.error("scheduled job failed", error);
    }
  };
  holder.__prcJobs = setInterval(() => void tick(), env().JOBS_INTERVAL_MS);
  holder.__prcJobs.unref();
  void tick();
}
