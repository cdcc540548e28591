/**
 * The relationship invariant, for longer: `npm run test:invariants -- --runs 5000 [--seed N]`.
 * Runs the same property test `npm test` runs, with more random sequences.
 */
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { runs: { type: "string", default: "1000" }, seed: { type: "string" } }, strict: true });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`--runs must be a positive whole number, not "${values.runs}"`);
  process.exit(2);
}
const env = { ...process.env, INVARIANT_RUNS: String(runs), ...(values.seed ? { INVARIANT_SEED: values.seed } : {}) };
const result = spawnSync("npx", ["vitest", "run", "lib/invariants/"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
