/**
 * The crash test, long: `npm run test:crash [-- --cycles 100] [--engine postgres]`. Kills a
 * writer process with SIGKILL at random moments and checks after every restart that each
 * acknowledged write is there and the database is intact, then that every outbox email
 * arrived. On PostgreSQL (a throwaway cluster with durable commits) every other kill also
 * crashes the database server. Exits 1 on any broken promise. `npm test` runs a short
 * version on both engines (lib/testing/crash.test.ts).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: { cycles: { type: "string", default: "100" }, engine: { type: "string", default: "sqlite" } },
  strict: true,
});
const cycles = Number(values.cycles);
if (!Number.isInteger(cycles) || cycles < 1) {
  console.error(`--cycles must be a positive whole number, not "${values.cycles}"`);
  process.exit(2);
}
if (values.engine !== "sqlite" && values.engine !== "postgres") {
  console.error(`--engine must be sqlite or postgres, not "${values.engine}"`);
  process.exit(2);
}
// The engine is fixed when db/engine.ts loads, so it is named before the harness is imported.
// Only its scheme counts: the harness starts its own cluster, and its writers inherit this.
if (values.engine === "postgres") process.env.DATABASE_URL = "postgres://throwaway-cluster/";
else delete process.env.DATABASE_URL;

const dir = mkdtempSync(path.join(tmpdir(), "prc-crash-"));
const started = Date.now();
void (async () => {
  const { crashViolations, runCrashCycles } = await import("@/lib/testing/crash-harness");
  try {
    const report = await runCrashCycles({ dir, cycles, log: (line) => console.log(line) });
    const violations = crashViolations(report);
    console.log(
      `\n${report.cycles} kills on ${values.engine} (${report.databaseCrashes} of the database server too) in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
    console.log(
      `acknowledged writes: ${report.acknowledged}, lost: ${report.lost.length}; integrity check failures: ${report.integrityErrors.length}`,
    );
    const o = report.outbox;
    console.log(
      `outbox: ${o.rows} messages, ${o.delivered} received, ${o.missing} missing, ${o.notSent} not sent, ${o.duplicates} delivered again with the same Message-ID after a kill cut their send (at most one per kill; ${o.duplicatesNotInFlight} otherwise)`,
    );
    console.log(JSON.stringify(report.lost.length ? { ...report, lost: report.lost.slice(0, 10) } : report));
    if (violations.length) {
      console.error(`\nFAILED:\n- ${violations.join("\n- ")}`);
      process.exitCode = 1;
    } else console.log("\nPASSED: every acknowledged write survived every kill, and every email arrived");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
})();
