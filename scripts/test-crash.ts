/**
 * The crash test, long: `npm run test:crash [-- --cycles 100]`. Kills a writer process with
 * SIGKILL at random moments and checks after every restart that each acknowledged write is
 * there and the database is intact, then that every outbox email arrived. Exits 1 on any
 * broken promise. `npm test` runs a short version (lib/testing/crash.test.ts).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { crashViolations, runCrashCycles } from "@/lib/testing/crash-harness";

const { values } = parseArgs({ options: { cycles: { type: "string", default: "100" } }, strict: true });
const cycles = Number(values.cycles);
if (!Number.isInteger(cycles) || cycles < 1) {
  console.error(`--cycles must be a positive whole number, not "${values.cycles}"`);
  process.exit(2);
}

const dir = mkdtempSync(path.join(tmpdir(), "prc-crash-"));
const started = Date.now();
void (async () => {
  try {
    const report = await runCrashCycles({ dir, cycles, log: (line) => console.log(line) });
    const violations = crashViolations(report);
    console.log(`\n${report.cycles} kills in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    console.log(
      `acknowledged writes: ${report.acknowledged}, lost: ${report.lost.length}; integrity_check failures: ${report.integrityErrors.length}`,
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
