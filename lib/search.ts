import { sql, type Column, type SQL } from "drizzle-orm";

/**
 * `column` contains `text` (SQLite's LIKE: case-insensitive for ASCII), with `%`, `_` and `\`
 * in the text taken literally. A leading wildcard cannot use an index range, so callers
 * keep the column in the index they page on and the scan reads only that index.
 */
export function contains(column: Column | SQL, text: string): SQL {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`${column} like ${pattern} escape '\\'`;
}
