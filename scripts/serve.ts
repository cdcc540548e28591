/**
 * Starts the built app with the built-in SMTP capture beside it: migrate, seed if empty,
 * capture server on loopback, the app server (scripts/start.ts) on loopback. Used by `npm run demo` and by the end-to-end
 * tests (Playwright's webServer). Ctrl-C stops both.
 *
 * `--mode production` seeds nothing and runs the app exactly as production does (AUTH_SECRET
 * from the environment, no mailbox page): the capture server only stands in for the SMTP
 * relay, so the end-to-end suite can walk a program from an empty database.
 *
 *   tsx scripts/serve.ts [--mode demo|test|production] [--db FILE] [--port N] [--smtp-port N] [--mailbox-port N] [--fresh] [--servers N]
 *
 * `--servers 2` starts two app servers on the next ports (PORT+1, PORT+2) on the one
 * database, behind a round-robin balancer on PORT (scripts/support/balancer.ts): what
 * several servers behind a load balancer do, on one machine (docs/scaling.md).
 *
 * The ports also come from PORT, SMTP_PORT and MAILBOX_PORT (3000, 2525, 2580), as
 * `PORT=4000 npm run demo` expects; a port in use is said in one line.
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { asc, desc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { applyMigrations, closeDatabase, openAppDatabase } from "../db/connect";
import { memberships, organizations, users } from "../db/schema";
import { seedDemo, type DemoAccount } from "../lib/seed/demo";
import { demoApiKey, DEMO_KEY_MAKER } from "../lib/seed/demo-key";
import { demoWebhookEndpoint } from "../lib/seed/demo-webhooks";
import { startCaptureServer } from "../lib/email/capture-server";
import { startBalancer } from "./support/balancer";

const { values } = parseArgs({
  options: {
    mode: { type: "string", default: "demo" },
    db: { type: "string" },
    port: { type: "string", default: process.env.PORT || "3000" },
    "smtp-port": { type: "string", default: process.env.SMTP_PORT || "2525" },
    "mailbox-port": { type: "string", default: process.env.MAILBOX_PORT || "2580" },
    fresh: { type: "boolean", default: false },
    servers: { type: "string", default: "1" },
  },
});

const mode = values.mode === "test" ? "test" : values.mode === "production" ? "production" : "demo";
const dbPath = values.db ?? (mode === "test" ? "data/e2e.db" : mode === "production" ? "data/production.db" : "data/demo.db");
// PostgreSQL instead of the SQLite file when DATABASE_URL names a server (docs/scaling.md).
const databaseUrl = process.env.DATABASE_URL || undefined;
const where = databaseUrl ? "PostgreSQL" : dbPath;
const port = Number(values.port);
const baseUrl = `http://localhost:${port}`;
const servers = Number(values.servers);

function printAccounts(accounts: DemoAccount[], mailboxUrl: string, apiKey: string | null) {
  console.log("\nDemo accounts (sign in by email link; read it in the mailbox):");
  for (const a of accounts) console.log(`  ${a.email.padEnd(42)} ${a.organization} — ${a.roles.join(", ")}`);
  console.log(`\nApp:     ${baseUrl}`);
  console.log(`Mailbox: ${mailboxUrl}`);
  if (apiKey)
    console.log(`API key: ${apiKey}   (Northwind Cloud Services, made by ${DEMO_KEY_MAKER}; try the curl commands in the README)`);
  console.log("Press Ctrl-C to stop.\n");
}

async function main() {
  if (values.fresh && databaseUrl) throw new Error("--fresh removes a SQLite file: on PostgreSQL, start from an empty database");
  if (values.fresh) for (const suffix of ["", "-wal", "-shm"]) rmSync(`${dbPath}${suffix}`, { force: true });
  const capture = await startCaptureServer({ smtpPort: Number(values["smtp-port"]), apiPort: Number(values["mailbox-port"]) });
  const db = openAppDatabase({ url: databaseUrl, path: dbPath });
  await applyMigrations(db);
  if (mode !== "production") await seedDemo(db);
  const accounts = await listAccounts(db);
  const apiKey = mode === "demo" ? await demoApiKey(db) : null;
  if (mode === "demo") await demoWebhookEndpoint(db, `${capture.apiUrl}/webhooks`);
  await closeDatabase(db);
  const env = {
    ...process.env,
    APP_MODE: mode,
    DATABASE_PATH: dbPath,
    SMTP_URL: capture.smtpUrl,
    // Production never shows the mailbox page; the capture's API is still there for the tests.
    MAILBOX_API_URL: mode === "production" ? "" : capture.apiUrl,
    PUBLIC_BASE_URL: baseUrl,
    OUTBOX_POLL_MS: process.env.OUTBOX_POLL_MS ?? (mode === "demo" ? "2000" : "500"),
  };
  // One server on PORT, or several on the ports after it behind a balancer on PORT.
  const appPorts = servers > 1 ? Array.from({ length: servers }, (_, i) => port + 1 + i) : [port];
  // The balancer first: a port in use stops us before any server starts.
  let serversAnswer = () => {};
  const upstreams = appPorts.map((p) => ({ host: "localhost", port: p }));
  const balancer = servers > 1 ? await startBalancer(port, "localhost", upstreams, new Promise((r) => (serversAnswer = r))) : undefined;
  const children = appPorts.map((p) =>
    spawn(process.execPath, [require.resolve("tsx/cli"), "scripts/start.ts", "-p", String(p), "-H", "localhost"], {
      stdio: "inherit",
      env,
    }),
  );
  if (balancer) void Promise.all(appPorts.map(answering)).then(serversAnswer);
  if (balancer) console.log(`\n${servers} app servers on ports ${appPorts.join(", ")} behind a round-robin balancer on ${port}.`);
  if (mode === "production")
    console.log(
      `\nProduction mode on ${where} (${accounts.length} accounts). Mail is captured at ${capture.apiUrl}/messages.\nThe first operator: ${databaseUrl ? "DATABASE_URL=…" : `DATABASE_PATH=${dbPath}`} npm run operator:add -- you@example.com\n`,
    );
  else printAccounts(accounts, `${baseUrl}/mailbox`, apiKey);

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) child.kill("SIGTERM");
    balancer?.close();
    await capture.close();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  // One server stopping stops them all: a half-running pair would pass for a working one.
  for (const child of children) child.on("exit", (code) => void stop(code ?? 0));
}

/** Resolves once the app server on this port serves its sign-in page. */
async function answering(appPort: number): Promise<void> {
  for (;;) {
    const ok = await fetch(`http://localhost:${appPort}/signin`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function listAccounts(db: Db): Promise<DemoAccount[]> {
  return await db
    .select({ email: users.email, organization: organizations.name, roles: memberships.roles })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .orderBy(desc(organizations.kind), asc(organizations.name), asc(users.email));
}

const PORT_SETTING: Record<string, string> = {
  ...Object.fromEntries(
    Array.from({ length: servers }, (_, i) => [String(port + 1 + i), `PORT or --port (server ${i + 1} listens on PORT+${i + 1})`]),
  ),
  [values.port]: "PORT or --port",
  [values["smtp-port"]]: "SMTP_PORT or --smtp-port (the built-in mailbox's SMTP)",
  [values["mailbox-port"]]: "MAILBOX_PORT or --mailbox-port (the built-in mailbox's API)",
};

main().catch((error: NodeJS.ErrnoException & { port?: number }) => {
  if (error.code === "EADDRINUSE")
    console.error(
      `Port ${error.port} is already in use: stop what runs there, or choose another with ${PORT_SETTING[String(error.port)] ?? "another port"}.`,
    );
  else console.error(error);
  process.exit(1);
});
