/**
 * `npm run seed:large [-- --file data/large.db] [--scale 1]`: a fresh database filled with a
 * large distributor's world (see lib/seed/large.ts), then ANALYZE so the query planner knows
 * its shape. Prints the counts and the time taken.
 */
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { migrateDatabase, openDatabase } from "../db/client";
import { seedLarge } from "../lib/seed/large";
import { runAdminRelationshipJobs } from "../lib/admin-relationships/jobs";

const { values } = parseArgs({ options: { file: { type: "string", default: "data/large.db" }, scale: { type: "string", default: "1" } } });
const file = values.file!;
const scale = Number(values.scale);
if (!(scale > 0 && scale <= 1)) throw new Error(`--scale must be in (0, 1], not ${values.scale}`);

async function main() {
  const started = performance.now();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  const db = openDatabase(file);
  migrateDatabase(db);
  // Bulk loading: nothing is acknowledged to anyone until the end, so durability can wait.
  db.$client.pragma("synchronous = OFF");
  // The world is built around the minute it is made (the same shape every time, its dates
  // relative to now), so a server started on it right after has no scheduled work pending.
  const today = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const counts = seedLarge(db.$client, { scale, now: today });
  // Bring it to the state a running server would have reached: the scheduled job has marked
  // what is expiring and its notices were delivered long ago (so a server started on this
  // database does not spend the benchmark sending thousands of emails).
  const jobs = await runAdminRelationshipJobs({
    db,
    now: () => today,
    config: { invitationTtlDays: 14, publicBaseUrl: "http://localhost:3200" },
  });
  db.$client.prepare("update email_outbox set state = 'sent', sent_at = ? where state = 'pending'").run(today.getTime());
  db.$client.exec("ANALYZE");
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
  const seconds = (performance.now() - started) / 1000;
  console.table({ ...counts, jobs_expiring: jobs.expiring, jobs_expired: jobs.expired, jobs_notices: jobs.notices });
  console.log(`seed:large wrote ${file} in ${seconds.toFixed(1)} s`);
}

void main();
