import type { Column, SQL } from "drizzle-orm";
import { dialect } from "@/db/dialect";

/**
 * `column` contains `text`, whatever its case, with `%`, `_` and `\`
 * in the text taken literally. A leading wildcard cannot use an index range, so callers
 * keep the column in the index they page on and the scan reads only that index.
 */
export function contains(column: Column | SQL, text: string): SQL {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return dialect.likeIgnoringCase(column, pattern);
}
