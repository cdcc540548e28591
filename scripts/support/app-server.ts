/**
 * The built app on a database of the caller's choice, for the measuring scripts (`npm run
 * bench`, `npm run lighthouse`): a build if there is none, the large seed if asked and
 * missing, a session for one of its users, and `npm start` on it with the SMTP capture.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { openDatabase, migrateDatabase, type Db } from "../../db/client";
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
export function signIn(db: Db, email: string) {
  const user = db.$client.prepare("select id from users where email = ?").get(email) as { id: string } | undefined;
  if (!user) throw new Error(`the database has no ${email}: run npm run seed:large`);
  const sessionToken = randomBytes(32).toString("hex");
  db.$client
    .prepare("insert into sessions (session_token, user_id, expires, signed_in_at) values (?, ?, ?, ?)")
    .run(sessionToken, user.id, Date.now() + 30 * 86_400_000, Date.now());
  return {
    userId: user.id,
    cookie: `authjs.session-token=${sessionToken}`,
    signOut: () => db.$client.prepare("delete from sessions where session_token = ?").run(sessionToken),
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
 * `npm start` (production build, demo mode) on `dbFile` at `port`, with the SMTP capture;
 * resolves once it answers, and after the start's scheduled job and the emails it queued.
 */
export async function startApp(dbFile: string, port: number) {
  const base = `http://localhost:${port}`;
  const db = openDatabase(dbFile);
  migrateDatabase(db);
  const capture = await startCaptureServer({ smtpPort: 2725, apiPort: 2780 });
  const server = spawn(process.execPath, [require.resolve("tsx/cli"), "scripts/start.ts", "-p", String(port), "-H", "localhost"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      APP_MODE: "demo",
      DATABASE_PATH: dbFile,
      SMTP_URL: capture.smtpUrl,
      MAILBOX_API_URL: capture.apiUrl,
      PUBLIC_BASE_URL: base,
      NODE_ENV: "production",
    },
  });
  const stop = async () => {
    db.$client.close();
    server.kill("SIGTERM");
    await capture.close();
  };
  try {
    await waitForServer(server, base);
    for (let idle = 0; idle < 3;) {
      await new Promise((r) => setTimeout(r, 1000));
      const pending = (
        db.$client.prepare("select count(*) as n from email_outbox where state in ('pending', 'sending')").get() as { n: number }
      ).n;
      idle = pending === 0 ? idle + 1 : 0;
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, db, stop, cpuMillis: () => processTreeCpuMillis(server.pid!) };
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
