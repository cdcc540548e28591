/**
 * Reading results the same way on both engines. Shared code awaits Drizzle's query
 * builders (which both drivers run) instead of calling better-sqlite3's synchronous
 * `.get()`, `.all()` and `.run()`, which PostgreSQL's driver does not have.
 */

/** The first row a query returns, or undefined: what `.get()` gave on SQLite. */
export async function firstRow<T>(rows: PromiseLike<T[]>): Promise<T | undefined> {
  return (await rows)[0];
}

/**
 * How many rows an update or a delete changed: better-sqlite3 calls it `changes`,
 * node-postgres `rowCount`.
 */
export function changedRows(result: unknown): number {
  const r = result as { changes?: number; rowCount?: number | null };
  return r.changes ?? r.rowCount ?? 0;
}
