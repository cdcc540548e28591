import { sql, type Placeholder } from "drizzle-orm";
import type { Db } from "./client";

/** A database or a transaction on it: both carry the same drizzle session. */
type Conn = Pick<Db, "select" | "insert" | "update">;

const caches = new WeakMap<object, Map<string, unknown>>();

/**
 * A query built once per connection and reused. Drizzle builds each query's SQL in
 * JavaScript on every call (50–150 µs); a prepared query skips that (about 3 µs), which is
 * most of the cost of the hot paths (accepting invitations, writing audit rows and emails).
 * Parameters are `sql.placeholder(name)`. Transactions share their database's session, so a
 * query prepared once serves both.
 */
export function prepared<T>(db: Conn, key: string, build: (db: Conn) => T): T {
  const session = (db as unknown as { session: object }).session;
  let queries = caches.get(session);
  if (!queries) caches.set(session, (queries = new Map()));
  let query = queries.get(key) as T | undefined;
  if (!query) queries.set(key, (query = build(db)));
  return query;
}

/** `{ name: sql.placeholder("name"), … }` for the columns a prepared insert fills. */
export function placeholders<K extends string>(...names: K[]): Record<K, Placeholder> {
  return Object.fromEntries(names.map((n) => [n, sql.placeholder(n)])) as unknown as Record<K, Placeholder>;
}
