import { defineConfig } from "@playwright/test";
import base from "./playwright.config";
import { TWO_SERVERS } from "./e2e/support/ports";

/**
 * The end-to-end proof of several servers on one database (issue 18, docs/scaling.md): two
 * `next start` servers on one throwaway PostgreSQL cluster, behind a round-robin balancer
 * (scripts/serve.ts --servers 2), each draining the outbox and ticking the scheduled job
 * every second. The SQLite suite (playwright.config.ts) stays as it is.
 */
const tsx = "node node_modules/tsx/dist/cli.mjs";

export default defineConfig({
  ...base,
  testDir: "e2e/two-servers",
  projects: [{ name: "two-servers", use: { browserName: "chromium", baseURL: TWO_SERVERS.baseUrl } }],
  webServer: {
    command: `${tsx} scripts/with-postgres.ts --port ${TWO_SERVERS.postgresPort} -- ${tsx} scripts/serve.ts --mode test --servers 2 --port ${TWO_SERVERS.port} --smtp-port ${TWO_SERVERS.smtpPort} --mailbox-port ${TWO_SERVERS.mailboxPort}`,
    url: `${TWO_SERVERS.baseUrl}/signin`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
    // SIGTERM, so that the cluster is stopped and removed (scripts/with-postgres.ts).
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: { JOBS_INTERVAL_MS: "1000" },
  },
});
