import { defineConfig } from "@playwright/test";
import { E2E, PRODUCTION } from "./e2e/support/ports";

/**
 * End-to-end tests in Debian's Chromium (never a downloaded browser) against the built app,
 * started by scripts/serve.ts with a real SMTP capture server: the seeded test server for
 * most specs, and a second server in production mode on an empty database for e2e/production/.
 */
const serve = (args: string) => `node node_modules/tsx/dist/cli.mjs scripts/serve.ts ${args}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "chromium", testIgnore: ["production/**", "two-servers/**"], use: { browserName: "chromium", baseURL: E2E.baseUrl } },
    { name: "production", testMatch: "production/**/*.spec.ts", use: { browserName: "chromium", baseURL: PRODUCTION.baseUrl } },
  ],
  webServer: [
    {
      command: serve(
        `--mode test --fresh --db ${E2E.dbPath} --port ${E2E.port} --smtp-port ${E2E.smtpPort} --mailbox-port ${E2E.mailboxPort}`,
      ),
      url: `${E2E.baseUrl}/signin`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      // Its ports come from PORT, SMTP_PORT and MAILBOX_PORT (not flags), so every run proves those settings.
      command: serve(`--mode production --fresh --db ${PRODUCTION.dbPath}`),
      url: `${PRODUCTION.baseUrl}/signin`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      stderr: "pipe",
      // What a production start needs and the demo's defaults do not give (lib/env.ts).
      // The tests reach it directly, as a server with no proxy in front is reached.
      env: {
        AUTH_SECRET: "e2e-production-secret-0123456789-abcdefghij",
        MAIL_FROM: "Partner Program <no-reply@program.example>",
        TRUSTED_PROXY_HOPS: "0",
        PORT: String(PRODUCTION.port),
        SMTP_PORT: String(PRODUCTION.smtpPort),
        MAILBOX_PORT: String(PRODUCTION.mailboxPort),
      },
    },
  ],
});
