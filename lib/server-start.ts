import "server-only";
import { applyMigrations } from "@/db/connect";
import { db } from "./db";
import { startOutboxWorker } from "./email/worker";
import { startScheduledJobs } from "./jobs/scheduler";
import { startWebhookWorker } from "./webhooks/worker";
import { env, isBuildPhase } from "./env";

/**
 * Start-up of a server process: validate the configuration (production refuses to start
 * without a real AUTH_SECRET), bring the schema up to date, start delivering email and
 * webhooks, and running the scheduled job.
 */
export async function startServer(): Promise<void> {
  if (isBuildPhase()) return;
  let e: ReturnType<typeof env>;
  try {
    e = env();
  } catch (error) {
    // Next would log this and keep serving broken pages; a server without valid configuration must not run.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  await applyMigrations(db());
  startOutboxWorker();
  startWebhookWorker();
  startScheduledJobs();
  console.log(`Partner Relationship Center (${e.APP_MODE}) using ${e.DATABASE_URL ? redactedUrl(e.DATABASE_URL) : e.DATABASE_PATH}`);
}

/** The database URL without its password, for the log. */
function redactedUrl(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
}
