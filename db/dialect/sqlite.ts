import { sql, type Column, type Placeholder, type SQL } from "drizzle-orm";

/** What only SQLite understands, behind the names shared code uses (db/dialect/index.ts). */
export const sqliteDialect = {
  /**
   * A time as a prepared query's parameter. Drizzle converts values through their column,
   * but not a placeholder's value in a WHERE or a SET: times are stored as milliseconds.
   */
  timeParam: (time: Date): number => time.getTime(),
  /** A time column as the digits of its milliseconds, for keys built in SQL (`7d.<end>`). */
  timeDigits: (column: Column): SQL => sql`${column}`,
  /** `column` matches a LIKE pattern whatever the case: SQLite's LIKE ignores ASCII case already. */
  likeIgnoringCase: (column: Column | SQL, pattern: string | Placeholder): SQL => sql`${column} like ${pattern} escape '\\'`,
  /** Rows a claim is about to update, skipping those another transaction holds: SQLite has one writer, nothing to skip. */
  skippingLocked: <Q>(query: Q): Q => query,
};
