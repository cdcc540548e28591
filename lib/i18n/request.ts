import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { MESSAGES } from "./messages";
import { isLocale, LOCALE_COOKIE, matchAcceptLanguage, TIME_ZONE } from "./locales";

/** The language follows the user's choice (a cookie set by the picker), then the browser. */
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : matchAcceptLanguage((await headers()).get("accept-language"));
  return { locale, messages: MESSAGES[locale], timeZone: TIME_ZONE };
});
