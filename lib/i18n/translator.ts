import { _createCache, _createIntlFormatters, createTranslator } from "use-intl/core";
import { MESSAGES } from "./messages";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./locales";

// Compiled messages and Intl formatters are kept for the life of the process: without this
// cache every email compiled its ICU messages again (about half a millisecond per email).
const cache = _createCache();
const formatters = _createIntlFormatters(cache);
const translators = new Map<Locale, ReturnType<typeof make>>();

function make(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale], timeZone: "UTC", _cache: cache, _formatters: formatters });
}

/** A translator outside React (emails, services, scripts), for the recipient's language. */
export function translatorFor(locale: string | null | undefined) {
  const l: Locale = isLocale(locale) ? locale : DEFAULT_LOCALE;
  let t = translators.get(l);
  if (!t) translators.set(l, (t = make(l)));
  return { locale: l, t };
}
