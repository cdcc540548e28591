import { createTranslator } from "use-intl/core";
import { MESSAGES } from "./messages";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./locales";

/** A translator outside React (emails, services, scripts), for the recipient's language. */
export function translatorFor(locale: string | null | undefined) {
  const l: Locale = isLocale(locale) ? locale : DEFAULT_LOCALE;
  return { locale: l, t: createTranslator({ locale: l, messages: MESSAGES[l], timeZone: "UTC" }) };
}
