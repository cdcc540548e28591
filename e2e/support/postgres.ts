import { Pool } from "pg";
import { TWO_SERVERS } from "./ports";

/**
 * Direct access to the two servers' PostgreSQL database, for counting what they wrote and
 * for moving a row's time the way a clock would (`$1`-style parameters).
 */
let pool: Pool | undefined;
const db = () => (pool ??= new Pool({ connectionString: TWO_SERVERS.databaseUrl, max: 2 }));

/** The one number the query selects as `n`. */
export async function count(sql: string, ...params: unknown[]): Promise<number> {
  const { rows } = await db().query<{ n: string | number }>(sql, params);
  return Number(rows[0]?.n);
}

/** The first column of the first row the query selects. */
export async function firstValue(sql: string, ...params: unknown[]): Promise<string> {
  const { rows } = await db().query<Record<string, string>>(sql, params);
  return Object.values(rows[0] ?? {})[0]!;
}

/** Runs one statement; resolves with the rows it changed. */
export async function execute(sql: string, ...params: unknown[]): Promise<number> {
  return (await db().query(sql, params)).rowCount ?? 0;
}

/** Closes the pool (a spec file's afterAll); the next query opens another. */
export async function closePool(): Promise<void> {
  const closing = pool;
  pool = undefined;
  await closing?.end();
}
