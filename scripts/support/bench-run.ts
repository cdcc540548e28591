/**
 * `npm run bench`: how fast the partner dashboard is for a large distributor.
 *
 * Builds the app if there is no build, makes the large database if there is none
 * (`npm run seed:large`), starts the built app on it (port 3200, with the SMTP capture),
 * signs in as the partner with 5,000 customers, and measures with autocannon, side by
 * side in one run: a static file (/robots.txt), the cheapest dynamic page (/signin/check-email),
 * the customer list (first page and a search),
 * a customer's page, the expiring view and the activity log. Then, in this process: the
 * database time of each page's queries, invitations created and accepted per second in the
 * service layer, and each route's first-load JavaScript (gzip) from the build output.
 * Prints a table, and as its last line one JSON object with the figures.
 *
 *   npm run bench [-- --duration 10 --connections 10]
 */
import autocannon from "autocannon";
import { closeSync, fdatasyncSync, fsyncSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { migrateDatabase, openDatabase, type Db } from "../db/client";
import { BENCH_ADMIN_EMAIL, BENCH_CUSTOMER_ID, BENCH_PARTNER_ID } from "../lib/seed/large";
import { effectiveRoles } from "../lib/access/effective-roles";
import { listAssignments } from "../lib/access/queries";
import { expiryCounts, listExpiring } from "../lib/admin-relationships/expiring";
import { listPartnerAdminRelationships } from "../lib/admin-relationships/queries";
import { listActivity } from "../lib/audit/activity";
import { listPartnerActivityForCustomer } from "../lib/audit/queries";
import { getMember, type Member } from "../lib/auth/membership";
import { listSubscriptionsOf } from "../lib/customers/queries";
import { acceptInvitation } from "../lib/invitations/respond";
import { listPartnerInvitations } from "../lib/invitations/queries";
import { createInvitation } from "../lib/invitations/service";
import { channelNames, getPartnerCustomerOrThrow, listPartnerCustomers, matchCustomers } from "../lib/partners/queries";
import { listSupportedSubscriptions } from "../lib/support/queries";
import { ensureBuildAndLargeSeed, signIn, startApp } from "./support/app-server";
import { firstLoadJsOf, frameworkFirstLoadJs } from "./support/bare-app";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    db: { type: "string", default: "data/large.db" },
  },
});
const DURATION = Number(values.duration);
const CONNECTIONS = Number(values.connections);
const DB_FILE = values.db!;
const PORT = 3200;
const BASE = `http://localhost:${PORT}`;

const p95 = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? 0;
};
const round = (n: number, digits = 1) => Number(n.toFixed(digits));

/**
 * One autocannon run; p95 from every response's own time (autocannon reports p90 and p97.5,
 * not p95). Also the server's CPU per response, and how many cores the server and autocannon
 * itself kept busy: if autocannon's share nears a core, it is what is measured.
 */
async function load(url: string, cookie: string, serverCpuMillis: () => number, opts: { connections?: number } = {}) {
  const times: number[] = [];
  const [serverBefore, ownBefore] = [serverCpuMillis(), process.cpuUsage()];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, duration: DURATION, connections: opts.connections ?? CONNECTIONS, headers: { cookie } },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  const serverMillis = serverCpuMillis() - serverBefore;
  const own = process.cpuUsage(ownBefore);
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad > 0) throw new Error(`${url}: ${bad} failed responses of ${result.requests.total}`);
  return {
    rps: result.requests.average,
    serverCpuMs: serverMillis / Math.max(1, result.requests.total),
    serverCores: serverMillis / 1000 / result.duration,
    generatorCores: (own.user + own.system) / 1e6 / result.duration,
    p50: result.latency.p50,
    p95: p95(times),
    bytes: result.throughput.average / Math.max(1, result.requests.average),
  };
}

/**
 * Half load, as users would make it: `rate` connections, each sending one request a second,
 * their seconds staggered evenly, so requests arrive spread over time. (autocannon's own
 * `overallRate` sends each connection's whole second of requests at once at the top of the
 * second: a burst that queues behind itself, p95 over 140 ms even at a fifth of capacity.)
 */
async function pacedLoad(url: string, cookie: string, rate: number) {
  const times: number[] = [];
  const runs: Promise<autocannon.Result>[] = [];
  const start = Date.now();
  for (let i = 0; i < rate; i++) {
    runs.push(
      new Promise((resolve, reject) => {
        const instance = autocannon({ url, duration: DURATION, connections: 1, connectionRate: 1, headers: { cookie } }, (error, r) =>
          error ? reject(error) : resolve(r),
        );
        instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
      }),
    );
    // Each start at its own place in the second, against the clock: sleeping 1000/rate after
    // each one drifts (starting a connection takes time) and crowds the next second's start.
    await new Promise((r) => setTimeout(r, Math.max(0, start + ((i + 1) * 1000) / rate - Date.now())));
  }
  const results = await Promise.all(runs);
  const bad = results.reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0);
  if (bad > 0) throw new Error(`${url}: ${bad} failed responses of ${times.length}`);
  const sorted = [...times].sort((a, b) => a - b);
  return { rps: times.length / DURATION, p50: sorted[Math.floor(sorted.length / 2)] ?? 0, p95: p95(times) };
}

/** Database time of each page: the queries the page runs, timed together, 200 times. */
async function databaseTimes(db: Db, member: Member) {
  const now = new Date();
  const pages: Record<string, () => Promise<unknown>> = {
    customers: async () => await listPartnerCustomers(db, member, { page: 1 }),
    "customers search": async () => await listPartnerCustomers(db, member, { page: 1, q: "Works" }),
    "customers by name, page 100": async () => await listPartnerCustomers(db, member, { page: 100, sort: "name" }),
    "customer page": async () => {
      const { relationship } = await getPartnerCustomerOrThrow(db, member, BENCH_CUSTOMER_ID);
      const relationships = await listPartnerAdminRelationships(db, member, BENCH_CUSTOMER_ID);
      await listAssignments(
        db,
        member,
        relationships.map((r) => r.id),
      );
      await listSubscriptionsOf(db, BENCH_CUSTOMER_ID);
      await listPartnerActivityForCustomer(db, BENCH_PARTNER_ID, BENCH_CUSTOMER_ID);
      await listSupportedSubscriptions(db, BENCH_PARTNER_ID, BENCH_CUSTOMER_ID);
      await effectiveRoles(db, BENCH_PARTNER_ID, member.userId, BENCH_CUSTOMER_ID);
      await channelNames(db, relationship);
    },
    expiring: async () => {
      await expiryCounts(db, member, now);
      await listExpiring(db, member, "30", { page: 1, now });
    },
    "expiring, a rare search": async () => await listExpiring(db, member, "30", { page: 1, now, q: "Motors 2132" }),
    "invitations, a rare search by email": async () =>
      await listPartnerInvitations(db, member, { page: 1, now, q: "customer4999.", sort: "email" }),
    activity: async () => await listActivity(db, member, {}),
    "activity, a customer typed": async () => {
      const [match] = await matchCustomers(db, member, "Datum Motors 2132");
      await listActivity(db, member, { customer: match.id });
    },
  };
  const out: Record<string, number> = {};
  for (const [name, fn] of Object.entries(pages)) {
    for (let i = 0; i < 20; i++) await fn();
    const samples: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      await fn();
      samples.push(performance.now() - t);
    }
    out[name] = p95(samples);
  }
  return out;
}

/**
 * Invitations created and accepted per second in the service layer, on a fresh database
 * with the production settings: a file (what a server does), or memory (the service's own
 * cost, without the disk). `countFrames` also says how many pages a commit writes to the WAL
 * (with checkpoints off, so the WAL only grows).
 */
async function invitationsPerSecond(where: "file" | "memory", { n = 3000, countFrames = false } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), "prc-bench-"));
  const db = openDatabase(where === "file" ? path.join(dir, "bench.db") : ":memory:");
  migrateDatabase(db);
  if (countFrames) db.$client.pragma("wal_autocheckpoint = 0");
  // One partner sends them all: the daily allowance is lifted for the measurement.
  const ctx = { db, now: () => new Date(), config: { invitationTtlDays: 14, publicBaseUrl: BASE, invitationsPerPartnerPerDay: 1_000_000 } };
  const t = Date.now();
  db.$client
    .prepare(
      "insert into organizations (id, kind, name, cloud, country, primary_domain, partner_type, partner_public_id, is_csp_transaction_tenant, created_at) values ('org_p', 'partner', 'Bench Partner', 'global', 'US', 'bench-partner.example', 'direct', '1', 1, ?)",
    )
    .run(t);
  db.$client.prepare("insert into users (id, email, created_at) values ('usr_p', 'agent@bench-partner.example', ?)").run(t);
  db.$client
    .prepare(
      `insert into memberships (id, organization_id, user_id, roles, created_at) values ('mem_p', 'org_p', 'usr_p', '["sales_agent"]', ?)`,
    )
    .run(t);
  const agent = { userId: "usr_p", email: "agent@bench-partner.example" };
  const customers = Array.from({ length: n }, (_, i) => {
    const email = `ga${i}@customer${i}.example`;
    db.$client.prepare("insert into users (id, email, created_at) values (?, ?, ?)").run(`usr_${i}`, email, t);
    return { userId: `usr_${i}`, email };
  });
  const startWal = countFrames ? statSync(path.join(dir, "bench.db-wal")).size : 0;
  const started = performance.now();
  for (const [i, ga] of customers.entries()) {
    const { token } = await createInvitation(ctx, agent, { partnerId: "org_p", email: ga.email, message: null, locale: "en" });
    await acceptInvitation(ctx, ga, {
      token,
      target: "new",
      name: `Customer ${i}`,
      primaryDomain: `customer${i}.example`,
      country: "US",
      agreement: "on",
    });
  }
  const perSecond = n / ((performance.now() - started) / 1000);
  const walBytes = countFrames ? statSync(path.join(dir, "bench.db-wal")).size - startWal : 0;
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
  // A frame is a 24-byte header and a page; a pair is two commits.
  return { perSecond, framesPerCommit: walBytes / (WAL_PAGE + 24) / (2 * n) };
}

const WAL_PAGE = 4096;

/**
 * What one durable commit costs the disk alone: the median time of appending `frames` WAL
 * frames to a file and syncing it. With one 4 kB page and fdatasync, it is the least any
 * commit costs: create + accept are two commits, so a file database cannot pass
 * 1e6 / (2 × this) pairs per second however little the service does. With the frames a
 * pair's commits really write and fsync (what this SQLite build calls), it is what these
 * commits cost the disk.
 */
function commitSyncMicros(frames = 1, sync: (fd: number) => void = fdatasyncSync): number {
  const dir = mkdtempSync(path.join(tmpdir(), "prc-bench-"));
  const fd = openSync(path.join(dir, "sync.bin"), "w");
  const frame = Buffer.alloc(WAL_PAGE + 24, 1);
  const times: number[] = [];
  let offset = 0;
  for (let i = 0; i < 300; i++) {
    const t = performance.now();
    for (let f = 0; f < frames; f++, offset += frame.length) writeSync(fd, frame, 0, frame.length, offset);
    sync(fd);
    times.push((performance.now() - t) * 1000);
  }
  closeSync(fd);
  rmSync(dir, { recursive: true, force: true });
  return times.sort((a, b) => a - b)[times.length >> 1];
}

async function main() {
  await ensureBuildAndLargeSeed(DB_FILE);
  const app = await startApp(DB_FILE, PORT);
  const { db } = app;
  const session = signIn(db, BENCH_ADMIN_EMAIL);
  const { cookie } = session;
  const member = (await getMember(db, { userId: session.userId, email: BENCH_ADMIN_EMAIL }, BENCH_PARTNER_ID))!;
  const customers = (
    db.$client.prepare("select count(*) as n from reseller_relationships where partner_id = ?").get(BENCH_PARTNER_ID) as { n: number }
  ).n;
  try {
    const routes: Record<string, string> = {
      // What the server sends without rendering anything: a file from public/.
      static: "/robots.txt",
      // The least a dynamic page of this app costs: one paragraph under the same layout and session.
      "dynamic floor": "/signin/check-email",
      customers: `/partner/${BENCH_PARTNER_ID}/customers`,
      "customers search": `/partner/${BENCH_PARTNER_ID}/customers?q=Works`,
      "customer page": `/partner/${BENCH_PARTNER_ID}/customers/${BENCH_CUSTOMER_ID}`,
      expiring: `/partner/${BENCH_PARTNER_ID}/expiring`,
      activity: `/partner/${BENCH_PARTNER_ID}/activity`,
    };
    // Every route answers 200 for this partner before anything is measured.
    for (const url of Object.values(routes)) {
      const res = await fetch(BASE + url, { headers: { cookie }, redirect: "manual" });
      if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    }
    const http: Record<string, Awaited<ReturnType<typeof load>>> = {};
    for (const [name, url] of Object.entries(routes)) {
      await load(BASE + url, cookie, app.cpuMillis, { connections: 2 }).catch(() => undefined); // warm-up
      http[name] = await load(BASE + url, cookie, app.cpuMillis);
      console.error(`measured ${name}: ${round(http[name].rps)} req/s`);
    }
    const halfLoad = await pacedLoad(BASE + routes.customers, cookie, Math.max(1, Math.floor(http.customers.rps / 2)));

    const dbTimes = await databaseTimes(db, member);
    const perSecond = (await invitationsPerSecond("file")).perSecond;
    const perSecondMemory = (await invitationsPerSecond("memory")).perSecond;
    const syncMicros = commitSyncMicros();
    const framesPerCommit = (await invitationsPerSecond("file", { n: 300, countFrames: true })).framesPerCommit;
    const commitDiskMicros = commitSyncMicros(Math.round(framesPerCommit), fsyncSync);
    const diskBound = 1 / (1 / perSecondMemory + (2 * commitDiskMicros) / 1e6);
    const js = firstLoadJsOf(".");
    const frameworkJs = frameworkFirstLoadJs();
    // In series, a pair costs its in-memory work plus its two commits' fsyncs: no file database does better.
    const serialBound = 1 / (1 / perSecondMemory + (2 * syncMicros) / 1e6);

    console.log(
      `\nBenchmark: ${customers} customers for ${BENCH_PARTNER_ID}, ${DURATION} s per route, ${CONNECTIONS} connections, ${process.platform} ${process.arch}, node ${process.version}\n`,
    );
    console.table(
      Object.fromEntries(
        Object.entries(http).map(([name, r]) => [
          name,
          {
            "req/s": round(r.rps),
            "p50 ms": r.p50,
            "p95 ms": round(r.p95),
            "kB/response": round(r.bytes / 1024),
            "server CPU ms": round(r.serverCpuMs, 2),
            "vs static": round(r.rps / http.static.rps, 2),
            "db p95 ms": dbTimes[name] === undefined ? "" : round(dbTimes[name], 2),
          },
        ]),
      ),
    );
    console.log(
      `customers at half load (${Math.floor(http.customers.rps / 2)} req/s, spread evenly): p50 ${round(halfLoad.p50)} ms, p95 ${round(halfLoad.p95)} ms`,
    );
    console.table(Object.fromEntries(Object.entries(dbTimes).map(([name, ms]) => [name, { "db p95 ms": round(ms, 2) }])));
    const heaviest = Object.entries(js).sort((a, b) => b[1] - a[1]);
    console.log(
      `first-load JS (gzip): largest ${heaviest[0][0]} ${round(heaviest[0][1])} kB, smallest ${heaviest.at(-1)![0]} ${round(heaviest.at(-1)![1])} kB`,
    );
    console.log(
      `service layer: ${Math.round(perSecond)} invitations created and accepted per second (file database), ${Math.round(perSecondMemory)} (in memory)`,
    );
    console.log(
      `so ${Math.round(serialBound)} pairs per second in series (memory speed and fsync together): ${round(perSecond / serialBound, 2)} of it reached`,
    );
    console.log(
      `a commit writes ${round(framesPerCommit)} WAL pages; writing that many and an fsync take ${Math.round(commitDiskMicros)} µs, so ${Math.round(diskBound)} pairs per second in series with them: ${round(perSecond / diskBound, 2)} of it reached`,
    );
    console.log(`framework's own first-load JS (a bare page of the same Next and React): ${round(frameworkJs)} kB`);
    console.log(
      `disk: a 4 kB append + fdatasync takes ${Math.round(syncMicros)} µs (median), so two durable commits per pair cap a file database at ${Math.round(1e6 / (2 * syncMicros))} pairs per second`,
    );
    console.log(
      JSON.stringify({
        static_rps: round(http.static.rps),
        dynamic_floor_rps: round(http["dynamic floor"].rps),
        customers_rps: round(http.customers.rps),
        ratio_customers_vs_static: round(http.customers.rps / http.static.rps, 2),
        customers_p95_ms: round(halfLoad.p95),
        customers_p95_ms_full_load: round(http.customers.p95),
        search_rps: round(http["customers search"].rps),
        customer_page_rps: round(http["customer page"].rps),
        expiring_rps: round(http.expiring.rps),
        activity_rps: round(http.activity.rps),
        db_ms_per_page_p95: round(Math.max(...Object.values(dbTimes)), 2),
        invitations_per_s: Math.round(perSecond),
        invitations_per_s_memory: Math.round(perSecondMemory),
        commit_fsync_us: Math.round(syncMicros),
        invitations_per_s_fsync_ceiling: Math.round(1e6 / (2 * syncMicros)),
        max_first_load_js_kb: round(heaviest[0][1]),
        framework_first_load_js_kb: round(frameworkJs),
        // What is ours, against what the same framework and machine reach in the same run.
        customers_vs_floor: round(http.customers.rps / http["dynamic floor"].rps, 2),
        // The same ratio from the server's CPU per response, which other load disturbs less.
        dynamic_floor_cpu_ms: round(http["dynamic floor"].serverCpuMs, 2),
        customers_cpu_ms: round(http.customers.serverCpuMs, 2),
        customers_vs_floor_cpu: round(http["dynamic floor"].serverCpuMs / http.customers.serverCpuMs, 2),
        // Whether autocannon or the server is the limit on the cheapest route: cores each kept busy.
        static_server_cores: round(http.static.serverCores, 2),
        static_generator_cores: round(http.static.generatorCores, 2),
        invitations_serial_bound: Math.round(serialBound),
        invitations_vs_serial_bound: round(perSecond / serialBound, 2),
        wal_frames_per_commit: round(framesPerCommit),
        commit_disk_us: Math.round(commitDiskMicros),
        invitations_vs_disk_bound: round(perSecond / diskBound, 2),
        first_load_js_vs_framework: round(heaviest[0][1] / frameworkJs, 3),
      }),
    );
  } finally {
    session.signOut();
    await app.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
