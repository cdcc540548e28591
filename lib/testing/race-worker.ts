/**
 * One of the processes of the race test (lib/invitations/race.test.ts): waits for the
 * agreed instant, then answers the same invitation several times as fast as it can, each
 * with a new organization, and prints what each attempt got.
 *
 *   tsx lib/testing/race-worker.ts DB_FILE TOKEN EMAIL USER_ID GO_FILE ATTEMPTS WORKER
 *
 * It says "ready" once loaded, then spins until GO_FILE exists: the parent creates it when
 * every worker is ready, so all of them start within microseconds of each other.
 */
import { existsSync, writeSync } from "node:fs";
import { openDatabase } from "@/db/client";
import { acceptInvitation } from "@/lib/invitations/respond";

const [file, token, email, userId, goFile, attempts, worker] = process.argv.slice(2);
const db = openDatabase(file);
const ctx = { db, now: () => new Date(), config: { invitationTtlDays: 14, publicBaseUrl: "http://localhost:3000" } };
writeSync(2, "ready\n");
while (!existsSync(goFile)) {
  // Everyone starts at the same instant.
}
const outcomes: string[] = [];
for (let i = 0; i < Number(attempts); i++) {
  try {
    acceptInvitation(ctx, { userId, email }, { token, target: "new", name: `Racer ${worker}-${i}`, primaryDomain: `racer-${worker}-${i}.example`, country: "US", agreement: "on" });
    outcomes.push("accepted");
  } catch (error) {
    outcomes.push((error as { code?: string }).code ?? String(error));
  }
}
db.$client.close();
process.stdout.write(JSON.stringify(outcomes));
