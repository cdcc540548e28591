"use client";

import { useSyncExternalStore } from "react";
import { FALLBACK_MESSAGES } from "@/lib/i18n/fallback-messages";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, matchAcceptLanguage, type Locale } from "@/lib/i18n/locales";
import "./globals.css";

/** The person's language as the server would choose it: their choice (the cookie), then the browser's. */
function browserLocale(): Locale {
  const chosen = document.cookie
    .split("; ")
    .find((c) => c.startsWith(`${LOCALE_COOKIE}=`))
    ?.slice(LOCALE_COOKIE.length + 1);
  return isLocale(chosen) ? chosen : matchAcceptLanguage(navigator.languages.join(","));
}
const noChanges = () => () => {};

/**
 * The root layout itself failed (its header reads the session and the memberships, so a
 * database failure ends here). Without this page Next shows its own, in English only; this
 * one says the same as app/error.tsx, in the person's language, with no detail.
 */
export default function GlobalError({ reset }: { reset: () => void }) {
  const locale = useSyncExternalStore(noChanges, browserLocale, () => DEFAULT_LOCALE);
  const t = FALLBACK_MESSAGES[locale];
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <main id="main" className="mx-auto max-w-6xl px-4 py-8">
          <div className="space-y-3" role="alert">
            <p>{t.unexpected}</p>
            <button type="button" onClick={reset} className="rounded-md border border-gray-300 px-3 py-1.5 text-sm">
              {t.back}
            </button>
          </div>
        </main>
      </body>
    </html>
  );
}
