import path from "node:path";
import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * Unit tests that are about SQLite itself and run on it only: its query plans, LIKE on
 * literal rows, db:copy's SQLite source. The PostgreSQL side of db/ has its own tests
 * (db/*.postgres.test.ts, db/postgres.test.ts), each with its own cluster, as has the crash
 * test (it crashes the server).
 */
const SQLITE_ONLY = ["db/**", "lib/performance/query-plans.test.ts", "lib/search.test.ts", "lib/seed/db-copy.test.ts"];

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
    // Test files share their worker's modules instead of importing the app again each: the
    // imports were half of the unit tests' time (7 minutes down to 4 on two cores). Every test
    // builds its own context and database (lib/testing/fixtures.ts), so no state is shared.
    isolate: false,
    // The invariant test's length: a fixed seed and a few hundred steps in `npm test`,
    // longer through `npm run test:invariants -- --runs N` (which sets these).
    provide: {
      invariantRuns: Number(process.env.INVARIANT_RUNS ?? 40),
      invariantSeed: Number(process.env.INVARIANT_SEED ?? 20261201),
    },
    // The suite runs on both engines. On PostgreSQL, a throwaway cluster for the run (Debian's
    // postgresql) and a fresh database per test context; DATABASE_URL here only picks the
    // engine (db/engine.ts), the test databases come from lib/testing/test-database.ts.
    projects: [
      { extends: true, test: { name: "sqlite" } },
      {
        extends: true,
        test: {
          name: "postgres",
          env: { DATABASE_URL: "postgres://throwaway-cluster/" },
          globalSetup: ["lib/testing/postgres-setup.ts"],
          exclude: [...configDefaults.exclude, ...SQLITE_ONLY],
        },
      },
    ],
  },
});
