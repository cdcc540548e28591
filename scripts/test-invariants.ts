/**
 * The relationship invariant, for longer:
 *   npm run test:invariants -- --runs 5000 [--seed N] [--engine sqlite|postgres]
 * Runs the same property test `npm test` runs, with more random sequences, on each engine one
 * after the other (PostgreSQL on a throwaway cluster), so each has the machine to itself and a
 * time budget that follows the number of runs (lib/invariants/relationships.invariant.test.ts).
 * Ends with what each engine held: runs, steps and minutes (3,000 runs: 4.5 minutes on SQLite,
 * 32 on PostgreSQL, on the 2 cores here).
 */
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";

const ENGINES = ["sqlite", "postgres"] as const;
type Engine = (typeof ENGINES)[number];

const { values } = parseArgs({
  options: { runs: { type: "string", default: "1000" }, seed: { type: "string" }, engine: { type: "string" } },
  strict: true,
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`--runs must be a positive whole number, not "${values.runs}"`);
  process.exit(2);
}
if (values.engine !== undefined && !ENGINES.includes(values.engine as Engine)) {
  console.error(`--engine must be one of ${ENGINES.join(", ")}, not "${values.engine}"`);
  process.exit(2);
}
const engines: readonly Engine[] = values.engine ? [values.engine as Engine] : ENGINES;
const env = { ...process.env, INVARIANT_RUNS: String(runs), ...(values.seed ? { INVARIANT_SEED: values.seed } : {}) };

/** Runs one engine's project, passing its output through; resolves with its exit code and the test's own summary line. */
function runEngine(engine: Engine): Promise<{ code: number; summary: string | null; seconds: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn("npx", ["vitest", "run", "lib/invariants/", "--project", engine], { env, stdio: ["ignore", "pipe", "inherit"] });
    let summary: string | null = null;
    let pending = "";
    child.stdout.on("data", (chunk: Buffer) => {
      process.stdout.write(chunk);
      pending += chunk.toString();
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        const at = line.indexOf(`invariant (${engine}):`);
        if (at >= 0) summary = line.slice(at).split("; done by kind")[0];
      }
    });
    child.on("close", (code) => resolve({ code: code ?? 1, summary, seconds: (Date.now() - started) / 1000 }));
  });
}

async function main() {
  const results: string[] = [];
  let failed = false;
  for (const engine of engines) {
    const { code, summary, seconds } = await runEngine(engine);
    failed ||= code !== 0;
    results.push(
      `${engine}: ${code === 0 ? "held" : "FAILED"} in ${(seconds / 60).toFixed(1)} min; ${summary ?? "no summary (see above)"}`,
    );
  }
  console.log(`\nThe invariant, ${runs} runs per engine:\n${results.map((r) => `  ${r}`).join("\n")}`);
  process.exit(failed ? 1 : 0);
}

void main();
