/** The two engines the product runs on. */
export type Engine = "sqlite" | "postgres";

/** PostgreSQL when `DATABASE_URL` names a PostgreSQL server; otherwise SQLite at `DATABASE_PATH`. */
export function engineOf(databaseUrl: string | undefined): Engine {
  return databaseUrl && /^postgres(ql)?:\/\//.test(databaseUrl) ? "postgres" : "sqlite";
}

/**
 * This process's engine, read once when it starts: the tables (db/schema) and the driver
 * (db/client.ts) must agree, so it cannot change while the process runs.
 */
// The one read of the environment outside lib/env.ts (eslint.config.mjs says why); lib/env.ts validates the same variable.
export const ENGINE: Engine = engineOf(process.env.DATABASE_URL);
