/**
 * `npm run jobs:tick`: runs the scheduled job once against the configured database, then
 * delivers what it queued. The same job also runs inside every server process.
 *   DATABASE_PATH=data/demo.db SMTP_URL=smtp://127.0.0.1:2525 npm run jobs:tick
 */
import { migrateDatabase, openDatabase } from "../db/client";
import { runAdminRelationshipJobs } from "../lib/admin-relationships/jobs";
import { systemClock } from "../lib/clock";
import { deliverDueEmails } from "../lib/email/outbox";
import { smtpSender } from "../lib/email/transport";
import { env } from "../lib/env";

async function main() {
  process.env.APP_MODE ??= "demo";
  const e = env();
  const db = openDatabase(e.DATABASE_PATH);
  migrateDatabase(db);
  const report = await runAdminRelationshipJobs({
    db,
    now: systemClock,
    config: { invitationTtlDays: e.INVITATION_TTL_DAYS, publicBaseUrl: e.PUBLIC_BASE_URL },
  });
  console.log(`${e.DATABASE_PATH}: ${JSON.stringify(report)}`);
  try {
    const sent = await deliverDueEmails(db, smtpSender(e.SMTP_URL, e.MAIL_FROM, new URL(e.PUBLIC_BASE_URL).hostname), systemClock, 500);
    console.log(`emails sent: ${sent}`);
  } catch (error) {
    console.log(`emails stay queued for the server to send (${error instanceof Error ? error.message : error})`);
  }
  db.$client.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
