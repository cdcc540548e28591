/**
 * Whether a server action request's encoded arguments (form field "0") are something React
 * sends: a JSON array whose strings are plain, escaped ("$$…"), a form reference ("$K1") or
 * one of the few special values. Next's decoder answers anything else (not JSON, not an
 * array, a reference to nothing) with a 500; proxy.ts turns those away with a 400 first.
 * Our actions take (previous state, form) or (form): nothing richer is ever encoded.
 */
const SPECIAL = /^\$(K\d+|\$.*|undefined|NaN|-?Infinity|-0)$/;

function plain(value: unknown): boolean {
  if (typeof value === "string") return !value.startsWith("$") || SPECIAL.test(value);
  if (Array.isArray(value)) return value.every(plain);
  if (value && typeof value === "object") return Object.values(value).every(plain);
  return true;
}

export function isPlausibleActionEnvelope(encoded: unknown): boolean {
  if (typeof encoded !== "string") return false;
  try {
    const args: unknown = JSON.parse(encoded);
    return Array.isArray(args) && plain(args);
  } catch {
    return false;
  }
}
