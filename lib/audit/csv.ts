/**
 * One CSV field (RFC 4180). A field a spreadsheet would run as a formula (=, +, -, @, tab,
 * carriage return first) gets a leading apostrophe, so an exported log cannot attack whoever opens it.
 */
export function csvField(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: (string | number | null | undefined)[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}
