/**
 * Runs a command against a throwaway PostgreSQL cluster (db/testing/postgres-cluster.ts):
 * starts it, runs the command with DATABASE_URL naming its empty database `prc`, and removes
 * the cluster when the command ends or this script is told to stop. The two-server
 * end-to-end suite starts its servers this way; so can anyone trying the product on
 * PostgreSQL without a server of their own.
 *
 *   tsx scripts/with-postgres.ts [--port N] [--durable] -- COMMAND [ARGS…]
 */
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { startCluster } from "../db/testing/postgres-cluster";

const { values, positionals } = parseArgs({
  options: { port: { type: "string" }, durable: { type: "boolean", default: false } },
  allowPositionals: true,
});

async function main() {
  const [command, ...args] = positionals;
  if (!command) throw new Error("usage: tsx scripts/with-postgres.ts [--port N] [--durable] -- COMMAND [ARGS…]");
  const cluster = await startCluster({ port: values.port ? Number(values.port) : undefined, durable: values.durable });
  console.log(`PostgreSQL for this run: ${cluster.url}`);
  const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, DATABASE_URL: cluster.url } });
  const stop = (signal: NodeJS.Signals) => {
    if (child.exitCode === null) child.kill(signal);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  child.on("exit", (code, signal) => {
    cluster.stop();
    process.exit(code ?? (signal ? 1 : 0));
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
