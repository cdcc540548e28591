/**
 * `npm run bench`: how fast the partner dashboard is for a large distributor.
 *
 * Builds the app if there is no build, makes the large database if there is none
 * (`npm run seed:large`), starts the built app on it (port 3200, with the SMTP capture),
 * signs in as the partner with 5,000 customers, and measures with autocannon, side by
 * side in one run: a static file (/robots.txt), the cheapest dynamic page (/signin/check-email),
 * the customer list (first page and a search), a customer's page, the expiring view and the
 * activity log. Then, in this process: the database time of each page's queries,
 * invitations created and accepted per second in the service layer (one partner, and eight
 * at once), and each route's first-load JavaScript (gzip) from the build output. Prints a
 * table, and as its last line one JSON object with the figures, the engine and servers named.
 *
 *   npm run bench [-- --duration 10 --connections 10] [--engine postgres] [--servers 2]
 *
 * `--engine postgres` runs the same on PostgreSQL: DATABASE_URL's database if it is set
 * (holding the large seed: `npm run db:copy -- --from data/large.db --to …`), otherwise a
 * throwaway cluster with durable commits that the large seed is copied into first (about
 * two minutes). `--servers 2` starts two app servers on the one database and spreads the
 * requests over both (docs/scaling.md).
 */
import { parseArgs } from "node:util";
import { startCluster, type Cluster } from "../db/testing/postgres-cluster";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    db: { type: "string", default: "data/large.db" },
    engine: { type: "string" },
    servers: { type: "string", default: "1" },
  },
  strict: true,
});

function refuse(problem: string): never {
  console.error(problem);
  process.exit(2);
}

const engine = values.engine ?? (process.env.DATABASE_URL ? "postgres" : "sqlite");
if (engine !== "sqlite" && engine !== "postgres") refuse(`--engine must be sqlite or postgres, not "${engine}"`);
const servers = Number(values.servers);
if (!Number.isInteger(servers) || servers < 1 || servers > 4) refuse(`--servers must be 1 to 4, not "${values.servers}"`);
if (engine === "sqlite" && process.env.DATABASE_URL)
  refuse("DATABASE_URL names PostgreSQL: unset it to measure SQLite, or pass --engine postgres");

async function main() {
  // DATABASE_URL is settled before anything that reads the engine (db/engine.ts) is imported.
  let cluster: Cluster | undefined;
  if (engine === "postgres" && !process.env.DATABASE_URL) {
    cluster = await startCluster({ durable: true });
    process.env.DATABASE_URL = cluster.url;
  }
  try {
    const { ensureBuildAndLargeSeed } = await import("./support/app-server");
    await ensureBuildAndLargeSeed(values.db!);
    if (cluster) {
      const { copySqliteToPostgres } = await import("../db/copy");
      const started = Date.now();
      await copySqliteToPostgres(values.db!, cluster.url);
      console.error(`copied ${values.db} into a throwaway PostgreSQL cluster in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    const { runBench } = await import("./support/bench-run");
    await runBench({ duration: Number(values.duration), connections: Number(values.connections), dbFile: values.db!, servers });
  } finally {
    cluster?.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
