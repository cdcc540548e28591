/** Where the end-to-end server listens: ports apart from the demo's, so both can run at once. */
export const E2E = {
  port: 3100,
  smtpPort: 2625,
  mailboxPort: 2680,
  baseUrl: "http://localhost:3100",
  mailboxApi: "http://127.0.0.1:2680",
  dbPath: "data/e2e.db",
};

/** The second server: production mode on an empty database (e2e/production/), with the SMTP capture as its relay. */
export const PRODUCTION = {
  port: 3200,
  smtpPort: 2725,
  mailboxPort: 2780,
  baseUrl: "http://localhost:3200",
  mailboxApi: "http://127.0.0.1:2780",
  dbPath: "data/e2e-production.db",
};

/**
 * Two app servers on one PostgreSQL database behind a round-robin balancer (e2e/two-servers/,
 * playwright.postgres.config.ts): the balancer on `port`, the servers on the two ports after it.
 */
export const TWO_SERVERS = {
  port: 3300,
  smtpPort: 2825,
  mailboxPort: 2880,
  baseUrl: "http://localhost:3300",
  mailboxApi: "http://127.0.0.1:2880",
  postgresPort: 5491,
  databaseUrl: "postgres://postgres@127.0.0.1:5491/prc",
};

export type Server = Pick<typeof E2E, "baseUrl" | "mailboxApi">;
