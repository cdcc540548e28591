/**
 * The process the crash test kills (lib/testing/crash-harness.ts). It writes through the
 * real services as fast as it can while delivering the outbox to a real SMTP server, and
 * acknowledges each committed write on stdout, the way a server answers a request:
 *
 *   tsx lib/testing/crash-writer.ts write DATABASE SMTP_URL PARAMS_JSON   (until killed)
 *   tsx lib/testing/crash-writer.ts drain DATABASE SMTP_URL PARAMS_JSON   (delivers what is left, exits)
 *
 * DATABASE is a SQLite file, or a PostgreSQL URL when DATABASE_URL names that engine.
 *
 * Acknowledgements use writeSync: on Linux a pipe write returns only once the parent can
 * read it, so an "ack" the parent sees was printed after its transaction committed.
 */
import { writeSync } from "node:fs";
import { closeDatabase, openAppDatabase } from "@/db/connect";
import { ENGINE } from "@/db/engine";
import type { Actor } from "@/lib/auth/membership";
import { LEASE_MS, deliverDueEmails } from "@/lib/email/outbox";
import { smtpSender } from "@/lib/email/transport";
import { acceptInvitation } from "@/lib/invitations/respond";
import { createInvitation } from "@/lib/invitations/service";
import { addUser } from "./fixtures";
import { execute } from "@/lib/operations/execute";

export type CrashWriterParams = { partnerId: string; sales: Actor };

const [mode, target, smtpUrl, json] = process.argv.slice(2);
const p = JSON.parse(json) as CrashWriterParams;
const db = openAppDatabase(ENGINE === "postgres" ? { url: target, poolSize: 4 } : { path: target });
const ctx = {
  db,
  now: () => new Date(),
  config: { invitationTtlDays: 14, publicBaseUrl: "http://localhost:3000", invitationsPerPartnerPerDay: 1e9 },
};
const send = smtpSender(smtpUrl, "crash@partner-center.local", "partner-center.local");
const ack = (line: string) => writeSync(1, `${line}\n`);

/** One invitation, and every other time its acceptance too: a small and a large transaction. */
async function writeOnce(n: number) {
  const email = `c${process.pid}-${n}@crash.example`;
  if (n % 2 === 0) {
    const { invitation } = await execute(createInvitation, ctx, p.sales, { partnerId: p.partnerId, email, message: null, locale: "en" });
    ack(`invited ${invitation.id}`);
    return;
  }
  const customer = await addUser(db, email);
  const { token, invitation } = await execute(createInvitation, ctx, p.sales, {
    partnerId: p.partnerId,
    email,
    message: null,
    locale: "en",
  });
  await execute(acceptInvitation, ctx, customer, {
    token,
    target: "new",
    name: `Crash ${process.pid}-${n}`,
    primaryDomain: `c${process.pid}-${n}.example`,
    country: "US",
    agreement: "on",
  });
  ack(`accepted ${invitation.id}`);
}

async function writeLoop() {
  for (let n = 0; ; n++) {
    await writeOnce(n);
    // A steady load rather than a flood, so the sender keeps up and kills land mid-send too.
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function sendLoop(now: () => Date) {
  for (;;) {
    if ((await deliverDueEmails(db, send, now)) === 0) await new Promise((r) => setTimeout(r, 5));
  }
}

if (mode === "write") {
  ack("ready");
  void sendLoop(() => new Date());
  void writeLoop();
} else {
  // A server restarted after a crash: a message claimed by the dead process is retried once
  // its lease runs out. The clock is moved past the lease instead of waiting a minute.
  const later = () => new Date(Date.now() + LEASE_MS + 1_000);
  void (async () => {
    while ((await deliverDueEmails(db, send, later)) > 0) {
      /* drain */
    }
    await closeDatabase(db);
    process.exit(0);
  })();
}
