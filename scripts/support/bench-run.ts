/**
 * The measurements of `npm run bench` (scripts/bench.ts says what it measures and how to
 * run it), on the engine this process runs on: the SQLite file, or DATABASE_URL's PostgreSQL.
 */
import autocannon from "autocannon";
import { count, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { ENGINE } from "../../db/engine";
import { resellerRelationships } from "../../db/schema";
import { BENCH_ADMIN_EMAIL, BENCH_CUSTOMER_ID, BENCH_PARTNER_ID } from "../../lib/seed/large";
import { expiryCounts, listExpiring } from "../../lib/admin-relationships/expiring";
import { listActivity } from "../../lib/audit/activity";
import { getMember, type Member } from "../../lib/auth/membership";
import { listPartnerInvitations } from "../../lib/invitations/queries";
import { readPartnerCustomerPage } from "../../lib/partners/customer-page";
import { listPartnerCustomers, matchCustomers } from "../../lib/partners/queries";
import { signIn, startApp } from "./app-server";
import { firstLoadJsOf, frameworkFirstLoadJs } from "./bare-app";
import { writeFigures } from "./bench-invitations";
import { webhookFigures } from "./bench-webhooks";
import { createApiKey } from "../../lib/api-keys/operations";
import { systemClock } from "../../lib/clock";
import { execute } from "../../lib/operations/execute";
import { PAGE_SIZE } from "../../lib/pagination";

export type BenchOptions = {
  /** Seconds per route. */
  duration: number;
  connections: number;
  /** The large seed's SQLite file (on PostgreSQL, its copy is already in DATABASE_URL's database). */
  dbFile: string;
  /** App servers on the one database, requests spread over them. */
  servers: number;
};

const PORT = 3200;
let DURATION = 10;
let CONNECTIONS = 10;

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
async function load(
  url: string | string[],
  cookie: string,
  serverCpuMillis: () => number,
  opts: { connections?: number; authorization?: string } = {},
) {
  const times: number[] = [];
  const [serverBefore, ownBefore] = [serverCpuMillis(), process.cpuUsage()];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      // Several URLs (one per server): autocannon spreads its connections over them.
      {
        url: url as string,
        duration: DURATION,
        connections: opts.connections ?? CONNECTIONS,
        headers: opts.authorization ? { authorization: opts.authorization } : { cookie },
      },
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
async function pacedLoad(url: string | string[], cookie: string, rate: number) {
  const times: number[] = [];
  const runs: Promise<autocannon.Result>[] = [];
  const start = Date.now();
  for (let i = 0; i < rate; i++) {
    runs.push(
      new Promise((resolve, reject) => {
        // With several servers, connection i goes to server i mod N.
        const target = typeof url === "string" ? url : url[i % url.length];
        const instance = autocannon(
          { url: target, duration: DURATION, connections: 1, connectionRate: 1, headers: { cookie } },
          (error, r) => (error ? reject(error) : resolve(r)),
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
    // Everything the page reads, through the one read the page makes (lib/partners/customer-page.ts).
    "customer page": async () => await readPartnerCustomerPage(db, member, BENCH_CUSTOMER_ID),
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

/** Measures everything on the app started on the large seed, prints the tables and the JSON line. */
export async function runBench(options: BenchOptions) {
  DURATION = options.duration;
  CONNECTIONS = options.connections;
  const app = await startApp(options.dbFile, PORT, { servers: options.servers });
  const { db } = app;
  let session: Awaited<ReturnType<typeof signIn>> | undefined;
  try {
    session = await signIn(db, BENCH_ADMIN_EMAIL);
    const { cookie } = session;
    const member = (await getMember(db, { userId: session.userId, email: BENCH_ADMIN_EMAIL }, BENCH_PARTNER_ID))!;
    const [{ customers }] = await db
      .select({ customers: count() })
      .from(resellerRelationships)
      .where(eq(resellerRelationships.partnerId, BENCH_PARTNER_ID));
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
    // The same first page of customers from the REST API, with a key of the same person: no React on this path.
    const ctx = { db, now: systemClock, config: { invitationTtlDays: 14, publicBaseUrl: "" } };
    const key = await execute(
      createApiKey,
      ctx,
      { userId: session.userId, email: BENCH_ADMIN_EMAIL },
      {
        organizationId: BENCH_PARTNER_ID,
        name: `bench ${Date.now()}`,
        expiresInDays: 1,
        scopes: ["customers.read"],
      },
    );
    const authorization = `Bearer ${key.secret}`;
    const apiCustomers = `/api/v1/customers?limit=${PAGE_SIZE}`;
    // Every route answers 200 on every server for this partner before anything is measured.
    for (const base of app.bases)
      for (const url of Object.values(routes)) {
        const res = await fetch(base + url, { headers: { cookie }, redirect: "manual" });
        if (res.status !== 200) throw new Error(`${base}${url} answered ${res.status}`);
      }
    const on = (url: string) => (app.bases.length === 1 ? app.base + url : app.bases.map((base) => base + url));
    const http: Record<string, Awaited<ReturnType<typeof load>>> = {};
    for (const [name, url] of Object.entries(routes)) {
      await load(on(url), cookie, app.cpuMillis, { connections: 2 }).catch(() => undefined); // warm-up
      http[name] = await load(on(url), cookie, app.cpuMillis);
      console.error(`measured ${name}: ${round(http[name].rps)} req/s`);
    }
    for (const base of app.bases) {
      const res = await fetch(base + apiCustomers, { headers: { authorization } });
      if (res.status !== 200) throw new Error(`${base}${apiCustomers} answered ${res.status}`);
    }
    await load(on(apiCustomers), cookie, app.cpuMillis, { connections: 2, authorization }).catch(() => undefined);
    http["api customers"] = await load(on(apiCustomers), cookie, app.cpuMillis, { authorization });
    console.error(`measured api customers: ${round(http["api customers"].rps)} req/s`);
    // Twice, keeping the second: the first window also opens its connections one after the
    // other, and its p95 carried that (70 ms against 30 in the windows after it, 2026-12-03).
    const halfRate = Math.max(1, Math.floor(http.customers.rps / 2));
    await pacedLoad(on(routes.customers), cookie, halfRate);
    const halfLoad = await pacedLoad(on(routes.customers), cookie, halfRate);

    const dbTimes = await databaseTimes(db, member);
    const writes = await writeFigures();
    const hooks = await webhookFigures(db, BENCH_PARTNER_ID, { userId: session.userId, email: BENCH_ADMIN_EMAIL });
    const { perSecond, syncMicros, sqlite } = writes;
    const js = firstLoadJsOf(".");
    const frameworkJs = frameworkFirstLoadJs();

    console.log(
      `\nBenchmark on ${ENGINE}, ${options.servers} server${options.servers > 1 ? "s" : ""}: ${customers} customers for ${BENCH_PARTNER_ID}, ${DURATION} s per route, ${CONNECTIONS} connections, ${process.platform} ${process.arch}, node ${process.version}\n`,
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
      `service layer: ${Math.round(perSecond)} invitations created and accepted per second (${ENGINE === "postgres" ? "PostgreSQL, durable commits" : "file database"}), ${Math.round(writes.perSecondConcurrent)} with 8 partners inviting at once${sqlite ? `, ${Math.round(sqlite.perSecondMemory)} (SQLite in memory)` : ""}`,
    );
    if (sqlite) {
      console.log(
        `so ${Math.round(sqlite.serialBound)} pairs per second in series (memory speed and fsync together): ${round(perSecond / sqlite.serialBound, 2)} of it reached`,
      );
      console.log(
        `a commit writes ${round(sqlite.framesPerCommit)} WAL pages; writing that many and an fsync take ${Math.round(sqlite.commitDiskMicros)} µs, so ${Math.round(sqlite.diskBound)} pairs per second in series with them: ${round(perSecond / sqlite.diskBound, 2)} of it reached`,
      );
    }
    console.log(
      `REST API: the first page of customers at ${round(http["api customers"].rps)} req/s, ${round(http["api customers"].rps / http.customers.rps, 2)} times the HTML list's; webhooks: ${Math.round(hooks.perSecond)} deliveries per second to a loopback receiver, p95 ${round(hooks.p95Ms)} ms from commit to receipt`,
    );
    console.log(`framework's own first-load JS (a bare page of the same Next and React): ${round(frameworkJs)} kB`);
    console.log(
      `disk: a 4 kB append + fdatasync takes ${Math.round(syncMicros)} µs (median), so two durable commits per pair cap a file database at ${Math.round(1e6 / (2 * syncMicros))} pairs per second`,
    );
    // SQLite's own bounds are null on PostgreSQL (it has no in-memory twin and its own WAL).
    const orNull = (n: number | undefined, digits = 0) => (n === undefined ? null : round(n, digits));
    console.log(
      JSON.stringify({
        engine: ENGINE,
        servers: options.servers,
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
        // Eight partners inviting at once, each its own customers.
        invitations_per_s_8_partners: Math.round(writes.perSecondConcurrent),
        invitations_per_s_memory: orNull(sqlite?.perSecondMemory),
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
        invitations_serial_bound: orNull(sqlite?.serialBound),
        invitations_vs_serial_bound: sqlite ? round(perSecond / sqlite.serialBound, 2) : null,
        wal_frames_per_commit: orNull(sqlite?.framesPerCommit, 1),
        commit_disk_us: orNull(sqlite?.commitDiskMicros),
        invitations_vs_disk_bound: sqlite ? round(perSecond / sqlite.diskBound, 2) : null,
        first_load_js_vs_framework: round(heaviest[0][1] / frameworkJs, 3),
        api_customers_rps: round(http["api customers"].rps),
        // The REST API's page of customers against the HTML list's, same run: no React on that path.
        api_customers_vs_page: round(http["api customers"].rps / http.customers.rps, 2),
        webhook_deliveries_per_s: Math.round(hooks.perSecond),
        webhook_p95_ms: round(hooks.p95Ms),
      }),
    );
  } finally {
    await session?.signOut();
    await app.stop();
  }
}
