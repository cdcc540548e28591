/**
 * `npm run jobs:tick`: runs the scheduled job once against the configured database, then
 * delivers what it queued. The same job also runs inside every server process.
 *   DATABASE_PATH=data/demo.db SMTP_URL=smtp://127.0.0.1:2525 npm run jobs:tick
 * (or DATABASE_URL=postgres://… for PostgreSQL)
 */
import { applyMigrations, closeDatabase, openAppDatabase } from "../db/connect";
import { runAdminRelationshipJobs } from "../lib/admin-relationships/jobs";
import { systemClock } from "../lib/clock";
import { deliverDueEmails } from "../lib/email/outbox";
import { smtpSender } from "../lib/email/transport";
import { env } from "../lib/env";

async function main() {
  process.env.APP_MODE ??= "demo";
  const e = env();
  const db = openAppDatabase({ url: e.DATABASE_URL, path: e.DATABASE_PATH });
  await applyMigrations(db);
  const report = await runAdminRelationshipJobs({
    db,
    now: systemClock,
    config: { invitationTtlDays: e.INVITATION_TTL_DAYS, publicBaseUrl: e.PUBLIC_BASE_URL },
  });
  console.log(`${e.DATABASE_URL ? "PostgreSQL" : e.DATABASE_PATH}: ${JSON.stringify(report)}`);
  try {
    const sent = await deliverDueEmails(db, smtpSender(e.SMTP_URL, e.MAIL_FROM, new URL(e.PUBLIC_BASE_URL).hostname), systemClock, 500);
    console.log(`emails sent: ${sent}`);
  } catch (error) {
    console.log(`emails stay queued for the server to send (${error instanceof Error ? error.message : error})`);
  }
  await closeDatabase(db);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
