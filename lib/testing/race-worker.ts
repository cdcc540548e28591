/**
 * One of the processes of the race tests (lib/invitations/race.test.ts): waits for the
 * signal, then repeats one operation on the same object as fast as it can, and prints what
 * each attempt got ("done" or the error code).
 *
 *   tsx lib/testing/race-worker.ts DATABASE GO_FILE ATTEMPTS WORKER OP PARAMS_JSON
 *
 * DATABASE is a SQLite file, or a PostgreSQL URL when DATABASE_URL names that engine.
 *
 * It says "ready" once loaded, then spins until GO_FILE exists: the parent creates it when
 * every worker is ready, so all of them start within microseconds of each other.
 */
import { existsSync, writeSync } from "node:fs";
import { closeDatabase, openAppDatabase } from "@/db/connect";
import { ENGINE } from "@/db/engine";
import { approveAdminRelationship, rejectAdminRelationship, terminateAdminRelationship } from "@/lib/admin-relationships/service";
import type { Actor } from "@/lib/auth/membership";
import { acceptInvitation } from "@/lib/invitations/respond";
import { execute } from "@/lib/operations/execute";

type Params = {
  token: string;
  actor: Actor;
  relationshipId: string;
  customerId: string;
  partnerId: string;
  customerActor: Actor;
  partnerActor: Actor;
};

const [target, goFile, attempts, worker, op, json] = process.argv.slice(2);
const p = JSON.parse(json) as Params;
const db = openAppDatabase(ENGINE === "postgres" ? { url: target, poolSize: 2 } : { path: target });
const ctx = { db, now: () => new Date(), config: { invitationTtlDays: 14, publicBaseUrl: "http://localhost:3000" } };

const operations: Record<string, (i: number) => Promise<unknown>> = {
  // Each attempt with its own new organization, so only the invitation itself is contended.
  accept: async (i) =>
    await execute(acceptInvitation, ctx, p.actor, {
      token: p.token,
      target: "new",
      name: `Racer ${worker}-${i}`,
      primaryDomain: `racer-${worker}-${i}.example`,
      country: "US",
      agreement: "on",
    }),
  // Half approve, half reject the same pending request.
  decide: (i) =>
    i % 2
      ? execute(approveAdminRelationship, ctx, p.customerActor, { organizationId: p.customerId, relationshipId: p.relationshipId })
      : execute(rejectAdminRelationship, ctx, p.customerActor, { organizationId: p.customerId, relationshipId: p.relationshipId }),
  // Both sides terminate the same active relationship.
  terminate: async (i) =>
    i % 2
      ? await execute(terminateAdminRelationship, ctx, p.customerActor, { organizationId: p.customerId, relationshipId: p.relationshipId })
      : await execute(terminateAdminRelationship, ctx, p.partnerActor, { organizationId: p.partnerId, relationshipId: p.relationshipId }),
};

async function main() {
  writeSync(2, "ready\n");
  while (!existsSync(goFile)) {
    // Everyone starts at the same instant.
  }
  const outcomes: string[] = [];
  for (let i = 0; i < Number(attempts); i++) {
    try {
      await operations[op](i);
      outcomes.push("done");
    } catch (error) {
      outcomes.push((error as { code?: string }).code ?? String(error));
    }
  }
  await closeDatabase(db);
  process.stdout.write(JSON.stringify(outcomes));
}

void main();
