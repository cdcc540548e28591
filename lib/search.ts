import type { Column, SQL } from "drizzle-orm";
import { dialect } from "@/db/dialect";

/**
 * `column` contains `text`, whatever its case, with `%`, `_` and `\`
 * in the text taken literally. A leading wildcard cannot use an index range, so callers
 * keep the column in the index they page on and the scan reads only that index.
 */
export function contains(column: Column | SQL, text: string): SQL {
  return dialect.likeIgnoringCase(column, containsPattern(text));
}

/** The LIKE pattern of `contains`, for a prepared query that takes it as a parameter. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
