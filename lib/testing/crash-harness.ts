/**
 * The crash test (`npm run test:crash`, and a short run in `npm test`): a writer process
 * (crash-writer.ts) writes through the real services and delivers email to a real SMTP
 * server on loopback; it is killed with SIGKILL at a random moment, the database is
 * reopened as a restarted server would, and checked. Repeated for every cycle, then a
 * last process drains the outbox and the mail received is compared with the outbox.
 *
 * On the process's engine: a SQLite file, or on PostgreSQL a throwaway cluster with durable
 * commits, where every other kill also crashes the database server itself (an immediate
 * shutdown, WAL replay on restart) at the same moment.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import type { Db } from "@/db/client";
import { applyMigrations, checkIntegrity, closeDatabase, openAppDatabase } from "@/db/connect";
import { ENGINE } from "@/db/engine";
import { startCluster, type Cluster } from "@/db/testing/postgres-cluster";
import { startCaptureServer } from "@/lib/email/capture-server";
import { addMember, addPartner } from "./fixtures";
import { rawAll, rawValue } from "./raw";

export type CrashReport = {
  cycles: number;
  acknowledged: number;
  /** Acknowledged writes missing (or incomplete) after a restart: must be empty. */
  lost: string[];
  /** What the engine's own check found after a kill (db/connect.ts checkIntegrity): must be empty. */
  integrityErrors: string[];
  /** Kills of the database server itself (PostgreSQL only), beside the writer's. */
  databaseCrashes: number;
  outbox: {
    rows: number;
    notSent: number;
    /** Distinct Message-IDs received. */
    delivered: number;
    missing: number;
    unknown: number;
    /** Extra receptions of a Message-ID already received. */
    duplicates: number;
    /** Messages received more than once that no killed process was sending: must be 0. */
    duplicatesNotInFlight: number;
    /** Messages a killed process had claimed ("sending"): the only ones that may arrive twice. */
    inFlightAtKill: number;
  };
};

const WRITER = path.join("lib", "testing", "crash-writer.ts");

/** A database file, or a PostgreSQL URL: the writer opens it as a server would (db/connect.ts). */
const open = (target: string): Db => openAppDatabase(ENGINE === "postgres" ? { url: target, poolSize: 2 } : { path: target });

function startWriter(mode: "write" | "drain", target: string, smtpUrl: string, params: unknown) {
  // tsx as a loader inside this node process: its CLI would run the script in a child that
  // outlives a SIGKILL sent to the CLI. The child inherits DATABASE_URL, hence the engine.
  const child = spawn(process.execPath, ["--import", "tsx", WRITER, mode, target, smtpUrl, JSON.stringify(params)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  let partial = "";
  let errors = "";
  child.stdout.on("data", (d: Buffer) => {
    const parts = (partial + d.toString()).split("\n");
    partial = parts.pop() ?? "";
    lines.push(...parts);
  });
  child.stderr.on("data", (d: Buffer) => (errors += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, lines, exited, errors: () => errors };
}

const waitFor = async (check: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("the writer did not start in time");
    await new Promise((r) => setTimeout(r, 10));
  }
};

/** Checks one acknowledged write the way a user would rely on it: all of it, or it is lost. */
async function checkAck(db: Db, line: string): Promise<boolean> {
  const [kind, id] = line.split(" ");
  const count = async (sql: string) => (await rawValue<number>(db, sql, id)) ?? 0;
  const state = await rawValue<string>(db, "select state from invitations where id = ?", id);
  const audit = await count("select cast(count(*) as integer) from audit_events where target_id = ?");
  const email = await count("select cast(count(*) as integer) from email_outbox where related_id = ?");
  if (kind === "invited") return state === "sent" && audit >= 1 && email >= 1;
  const relationship = await count("select cast(count(*) as integer) from reseller_relationships where invitation_id = ?");
  return state === "accepted" && relationship === 1 && audit >= 2 && email >= 2;
}

export async function runCrashCycles(opts: { dir: string; cycles: number; log?: (line: string) => void }): Promise<CrashReport> {
  const cluster: Cluster | undefined = ENGINE === "postgres" ? await startCluster({ durable: true }) : undefined;
  const target = cluster?.url ?? path.join(opts.dir, "crash.db");
  const capture = await startCaptureServer({ smtpPort: 0, apiPort: 0 });
  const setup = open(target);
  await applyMigrations(setup);
  const partnerId = await addPartner(setup, { name: "Crashworthy", domain: "crashworthy.example" });
  const sales = await addMember(setup, partnerId, "sam@crashworthy.example", ["sales_agent"]);
  await closeDatabase(setup);
  const params = { partnerId, sales };

  const report: CrashReport = {
    cycles: 0,
    acknowledged: 0,
    lost: [],
    integrityErrors: [],
    databaseCrashes: 0,
    outbox: { rows: 0, notSent: 0, delivered: 0, missing: 0, unknown: 0, duplicates: 0, duplicatesNotInFlight: 0, inFlightAtKill: 0 },
  };
  const inFlight = new Set<string>();
  try {
    for (let cycle = 0; cycle < opts.cycles; cycle++) {
      const writer = startWriter("write", target, capture.smtpUrl, params);
      await waitFor(() => writer.lines.includes("ready") || writer.child.exitCode !== null, 30_000);
      if (writer.child.exitCode !== null) throw new Error(`the writer exited: ${writer.errors()}`);
      // A random moment: anywhere from the first write to a few hundred of them.
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 300));
      // The database server goes down under the writer (its commits in flight fail, and the
      // writer with them), then the writer is killed too if it still runs.
      const crashDatabase = cluster !== undefined && cycle % 2 === 1;
      if (crashDatabase) cluster.crashAndRestart();
      writer.child.kill("SIGKILL");
      await writer.exited;
      const acks = writer.lines.filter((l) => l !== "ready" && l !== "");

      // The restart: a new connection (on SQLite it recovers the WAL), as the next server process would.
      const db = open(target);
      const integrity = await checkIntegrity(db);
      for (const problem of integrity) report.integrityErrors.push(`cycle ${cycle}: ${problem}`);
      for (const line of acks) if (!(await checkAck(db, line))) report.lost.push(`cycle ${cycle}: ${line}`);
      for (const row of await rawAll<{ key: string }>(db, "select idempotency_key as key from email_outbox where state = 'sending'"))
        inFlight.add(row.key);
      await closeDatabase(db);
      report.acknowledged += acks.length;
      report.databaseCrashes += crashDatabase ? 1 : 0;
      report.cycles++;
      opts.log?.(
        `cycle ${cycle + 1}/${opts.cycles}: ${acks.length} acknowledged${crashDatabase ? ", database server crashed" : ""}, integrity ${integrity.length ? "FAILED" : "ok"}`,
      );
    }

    // Restarted servers deliver what is left, several at once as a cluster would: claims
    // are conditional updates, so they must not send one message twice between them.
    const drains = Array.from({ length: 4 }, () => startWriter("drain", target, capture.smtpUrl, params));
    for (const drain of drains) if ((await drain.exited) !== 0) throw new Error(`the drain failed: ${drain.errors()}`);

    const db = open(target);
    const rows = await rawAll<{ key: string; state: string }>(db, "select idempotency_key as key, state from email_outbox");
    await closeDatabase(db);
    const received = new Map<string, number>();
    for (const m of capture.messages) {
      const key = /^<?([^@>]+)@/.exec(m.messageId ?? "")?.[1] ?? "?";
      received.set(key, (received.get(key) ?? 0) + 1);
    }
    const keys = new Set(rows.map((r) => r.key));
    report.outbox.rows = rows.length;
    report.outbox.notSent = rows.filter((r) => r.state !== "sent").length;
    report.outbox.delivered = [...received.keys()].filter((k) => keys.has(k)).length;
    report.outbox.missing = rows.filter((r) => !received.has(r.key)).length;
    report.outbox.unknown = [...received.keys()].filter((k) => !keys.has(k)).length;
    report.outbox.duplicates = [...received.values()].reduce((sum, n) => sum + n - 1, 0);
    report.outbox.duplicatesNotInFlight = [...received].filter(([key, n]) => n > 1 && !inFlight.has(key)).length;
    report.outbox.inFlightAtKill = inFlight.size;
  } finally {
    await capture.close();
    cluster?.stop();
  }
  return report;
}

/** Every broken promise in a report; empty when acknowledged writes and email survived every kill. */
export function crashViolations(r: CrashReport): string[] {
  const v: string[] = [];
  if (r.acknowledged === 0) v.push("no write was acknowledged: the test proved nothing");
  if (r.lost.length) v.push(`${r.lost.length} acknowledged writes lost, first: ${r.lost[0]}`);
  if (r.integrityErrors.length) v.push(`the integrity check failed: ${r.integrityErrors[0]}`);
  if (r.outbox.notSent) v.push(`${r.outbox.notSent} outbox messages never sent`);
  if (r.outbox.missing) v.push(`${r.outbox.missing} outbox messages never received`);
  if (r.outbox.unknown) v.push(`${r.outbox.unknown} messages received that no outbox row holds`);
  // SMTP cannot be exactly-once: a kill between the server's "250 OK" and our "sent" mark
  // leaves a message that was received but looks unsent. It goes again with the same
  // Message-ID (the idempotency key mail stores drop copies by). At most one per kill, and
  // only a message the killed process was sending.
  if (r.outbox.duplicatesNotInFlight)
    v.push(`${r.outbox.duplicatesNotInFlight} messages delivered twice that no killed process was sending`);
  if (r.outbox.duplicates > r.cycles) v.push(`${r.outbox.duplicates} repeated deliveries, more than one per kill (${r.cycles})`);
  return v;
}
