import "server-only";
import { getLocale } from "next-intl/server";
import { _createCache, _createIntlFormatters, createFormatter } from "use-intl/core";
import { TIME_ZONE, type Locale } from "./locales";

/*
 * next-intl's getFormatter builds its Intl formatters anew on every request (its cache lasts
 * one request), and constructing an Intl.DateTimeFormat costs about 70 µs where using one
 * costs 1 µs: a quarter of a millisecond of every page with dates (docs/performance.md,
 * 2026-12-03). These last as long as the process, one formatter per language; they hold
 * nothing of any request.
 */
const intl = _createIntlFormatters(_createCache());
const byLocale = new Map<string, ReturnType<typeof createFormatter>>();

/** next-intl's formatter for the request's language (dates, numbers), with its Intl objects kept. */
export async function getFormatter() {
  return formatterFor(await getLocale());
}

/** The formatter of one language, made once. */
export function formatterFor(locale: Locale) {
  let format = byLocale.get(locale);
  if (!format) byLocale.set(locale, (format = createFormatter({ locale, timeZone: TIME_ZONE, _formatters: intl })));
  return format;
}
