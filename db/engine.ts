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
// db/ sits below lib/env.ts, the one reader of process.env elsewhere: this single variable is read here, at load.
// eslint-disable-next-line no-restricted-properties
export const ENGINE: Engine = engineOf(process.env.DATABASE_URL);
