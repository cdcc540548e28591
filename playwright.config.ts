import { defineConfig } from "@playwright/test";
import { E2E } from "./e2e/support/ports";

/**
 * End-to-end tests in Debian's Chromium (never a downloaded browser) against the built app,
 * started with a fresh database and a real SMTP capture server by scripts/serve.ts.
 */
export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: E2E.baseUrl,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: `node node_modules/tsx/dist/cli.mjs scripts/serve.ts --mode test --fresh --db ${E2E.dbPath} --port ${E2E.port} --smtp-port ${E2E.smtpPort} --mailbox-port ${E2E.mailboxPort}`,
    url: `${E2E.baseUrl}/signin`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
