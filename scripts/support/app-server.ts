/**
 * The built app on a database of the caller's choice, for the measuring scripts (`npm run
 * bench`, `npm run lighthouse`): a build if there is none, the large seed if asked and
 * missing, a session for one of its users, and `npm start` on it (one server or several on
 * the one database) with the SMTP capture. The database is the SQLite file, or PostgreSQL
 * when DATABASE_URL names it (the servers inherit it).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { count, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { applyMigrations, closeDatabase, openAppDatabase } from "../../db/connect";
import { emailOutbox, sessions, users } from "../../db/schema";
import { startCaptureServer } from "../../lib/email/capture-server";

export function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { stdio: "inherit" });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed`);
}

/** A build and the large seed's database, made once and kept. */
export async function ensureBuildAndLargeSeed(dbFile: string) {
  if (!existsSync(".next/BUILD_ID")) await run("npx", ["next", "build"]);
  if (!existsSync(dbFile)) await run("npx", ["tsx", "scripts/seed-large.ts", "--file", dbFile]);
}

/** Signs `email` in the way Auth.js does: a session row (thirty days, signed in now) and its cookie. */
export async function signIn(db: Db, email: string) {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!user) throw new Error(`the database has no ${email}: run npm run seed:large (on PostgreSQL, then npm run db:copy into it)`);
  const sessionToken = randomBytes(32).toString("hex");
  await db
    .insert(sessions)
    .values({ sessionToken, userId: user.id, expires: new Date(Date.now() + 30 * 86_400_000), signedInAt: new Date() });
  return {
    userId: user.id,
    cookie: `authjs.session-token=${sessionToken}`,
    signOut: async () => void (await db.delete(sessions).where(eq(sessions.sessionToken, sessionToken))),
  };
}

async function waitForServer(child: ChildProcess, base: string) {
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error("the server stopped");
    try {
      if ((await fetch(`${base}/about`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not start");
}

/**
 * `npm start` (production build, demo mode) on `dbFile` (or DATABASE_URL's PostgreSQL) at
 * `port`, with the SMTP capture; `servers: 2` starts a second one on port + 1 on the same
 * database. Resolves once each answers, and after the start's scheduled job and the emails
 * it queued. `bases` are the servers' addresses; `base` is the first.
 */
export async function startApp(dbFile: string, port: number, { servers = 1 } = {}) {
  const bases = Array.from({ length: servers }, (_, i) => `http://localhost:${port + i}`);
  const db = openAppDatabase({ url: process.env.DATABASE_URL || undefined, path: dbFile });
  await applyMigrations(db);
  const capture = await startCaptureServer({ smtpPort: 2725, apiPort: 2780 });
  const children = bases.map((base, i) =>
    spawn(process.execPath, [require.resolve("tsx/cli"), "scripts/start.ts", "-p", String(port + i), "-H", "localhost"], {
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        APP_MODE: "demo",
        DATABASE_PATH: dbFile,
        SMTP_URL: capture.smtpUrl,
        MAILBOX_API_URL: capture.apiUrl,
        // One public address, as behind a balancer: links and sign-in redirects name it.
        PUBLIC_BASE_URL: bases[0],
        NODE_ENV: "production",
        // The bench's one key makes thousands of requests a second: its limit must not be what is measured.
        API_REQUESTS_PER_KEY_PER_MINUTE: "1000000",
      },
    }),
  );
  // Waits for the servers to exit: a database stopped under a server still shutting down
  // would fail its pooled connections ("Connection terminated unexpectedly").
  const exited = (child: ChildProcess) =>
    child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => child.once("exit", () => r()));
  const stop = async () => {
    await closeDatabase(db);
    for (const child of children) child.kill("SIGTERM");
    const late = setTimeout(() => children.forEach((child) => child.kill("SIGKILL")), 10_000);
    await Promise.all(children.map(exited));
    clearTimeout(late);
    await capture.close();
  };
  try {
    for (const [i, child] of children.entries()) await waitForServer(child, bases[i]);
    for (let idle = 0; idle < 3;) {
      await new Promise((r) => setTimeout(r, 1000));
      const [{ pending }] = await db
        .select({ pending: count() })
        .from(emailOutbox)
        .where(inArray(emailOutbox.state, ["pending", "sending"]));
      idle = Number(pending) === 0 ? idle + 1 : 0;
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    base: bases[0],
    bases,
    db,
    stop,
    cpuMillis: () => children.reduce((sum, child) => sum + processTreeCpuMillis(child.pid!), 0),
  };
}

/**
 * CPU time (user + system, ms) used so far by a process and its descendants, from /proc
 * (Linux): the server runs as tsx's child. CPU per request is disturbed less than requests
 * per second by other load on a shared machine.
 */
export function processTreeCpuMillis(pid: number): number {
  // The fields after "(command) ": state, ppid, ..., utime and stime at 11 and 12, in ticks of 10 ms.
  const fields = (p: number) => {
    const stat = readFileSync(`/proc/${p}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  };
  const own = fields(pid);
  const children = readdirSync("/proc").filter((d) => {
    try {
      return /^\d+$/.test(d) && Number(fields(Number(d))[1]) === pid;
    } catch {
      return false; // ended meanwhile
    }
  });
  return (Number(own[11]) + Number(own[12])) * 10 + children.reduce((sum, child) => sum + processTreeCpuMillis(Number(child)), 0);
}
