import { parse } from "csv-parse/sync";

/** The columns an import file has, in its header row (any order; `status` may be left out). */
export const IMPORT_COLUMNS = ["customer_domain", "product", "seats", "term_ends", "status"] as const;
export const MAX_IMPORT_ROWS = 1000;
export const MAX_IMPORT_BYTES = 512 * 1024;

export type ImportFile = { records: Record<string, string>[]; fileErrors: string[] };

/** Reads an import file: its rows by column, or why it cannot be read. */
export function readCsv(csv: string): ImportFile {
  if (Buffer.byteLength(csv, "utf8") > MAX_IMPORT_BYTES) return { records: [], fileErrors: ["csvTooLarge"] };
  let records: Record<string, string>[];
  try {
    // A well-kept parser: quoting, escaped quotes, BOM, CRLF and ragged rows are its business.
    records = parse(csv, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      delimiter: [",", ";"],
    });
  } catch {
    return { records: [], fileErrors: ["csvInvalid"] };
  }
  if (records.length === 0) return { records, fileErrors: ["csvEmpty"] };
  if (records.length > MAX_IMPORT_ROWS) return { records: [], fileErrors: ["csvTooManyRows"] };
  const missing = IMPORT_COLUMNS.filter((c) => c !== "status" && !(c in records[0]));
  return { records, fileErrors: missing.length ? ["csvColumns"] : [] };
}
