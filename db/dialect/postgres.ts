import { sql, type Column, type Placeholder, type SQL } from "drizzle-orm";

/** What only PostgreSQL understands, behind the names shared code uses (db/dialect/index.ts). */
export const postgresDialect = {
  /** A time as a prepared query's parameter: node-postgres sends a Date as a timestamptz. */
  timeParam: (time: Date): Date => time,
  /** A time column as the digits of its milliseconds, as SQLite stores it, for keys built in SQL. */
  timeDigits: (column: Column): SQL => sql`(floor(extract(epoch from ${column}) * 1000))::bigint`,
  /** `column` matches a LIKE pattern whatever the case: ILIKE (LIKE is case-sensitive here). */
  likeIgnoringCase: (column: Column | SQL, pattern: string | Placeholder): SQL => sql`${column} ilike ${pattern} escape '\\'`,
  /** Rows a claim is about to update, skipping those another server's claim holds: FOR UPDATE SKIP LOCKED. */
  skippingLocked: <Q>(query: Q): Q =>
    (query as { for: (strength: "update", config: { skipLocked: boolean }) => Q }).for("update", { skipLocked: true }),
};
