import { stringify } from "csv-stringify/sync";

export type Cell = string | number | null | undefined;

/**
 * A cell a spreadsheet could run as a formula: one that starts with =, +, -, @, a tab or a
 * carriage return, or has one right after a separator a spreadsheet may split on (a comma, a
 * semicolon in German Excel, a tab) — so "Acme;=1+1" is as dangerous as "=1+1".
 */
const FORMULA = /(^|[,;\t])\s*[=+\-@\t\r]/;

/** The cell's text, with a leading apostrophe when it could be read as a formula. */
export function defuse(value: Cell): string {
  const s = value === null || value === undefined ? "" : String(value);
  return FORMULA.test(s) ? `'${s}` : s;
}

/**
 * One CSV line (RFC 4180, CRLF) by csv-stringify: every field quoted, so no separator inside
 * a value can start a new cell in any locale, and every cell defused, so an export
 * cannot attack whoever opens it.
 */
export function csvLine(values: Cell[]): string {
  return stringify([values.map(defuse)], { quoted: true, quoted_empty: true, record_delimiter: "windows" });
}
