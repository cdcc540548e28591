import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // Unit tests run services and queries outside Next; the guard has nothing to guard there.
      "server-only": path.join(root, "lib/testing/server-only-stub.ts"),
    },
  },
  test: {
    // Only unit tests: Playwright specs live in e2e/ and run in Chromium, not here.
    include: ["lib/**/*.test.ts", "db/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    // The invariant test's length: a fixed seed and a few hundred steps in `npm test`,
    // longer through `npm run test:invariants -- --runs N` (which sets these).
    provide: {
      invariantRuns: Number(process.env.INVARIANT_RUNS ?? 40),
      invariantSeed: Number(process.env.INVARIANT_SEED ?? 20261201),
    },
  },
});
