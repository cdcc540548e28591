import { sql, type Column, type SQL } from "drizzle-orm";
import { dialect } from "@/db/dialect";

/**
 * `column` contains `text`, whatever its case, with `%`, `_` and `\`
 * in the text taken literally. A leading wildcard cannot use an index range, so callers
 * keep the column in the index they page on and the scan reads only that index.
 */
export function contains(column: Column | SQL, text: string): SQL {
  return dialect.likeIgnoringCase(column, containsPattern(text));
}

/**
 * `contains` in a prepared query: the text comes at execution as the parameter `pattern`,
 * whose value is `containsPattern(text)`.
 */
export function containsParam(column: Column | SQL): SQL {
  return dialect.likeIgnoringCase(column, sql.placeholder("pattern"));
}

/** The value of `containsParam`'s parameter for `text`. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
