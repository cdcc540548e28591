import type { Locale } from "./locales";

/**
 * The texts of the last-resort error page (app/global-error.tsx). It shows when the root layout
 * itself failed (the header reads the session and the memberships), so no catalog reaches it,
 * and a client component that imported the catalogs would ship all four to every page. These
 * are copies of the catalogs' `common.unexpected` and `common.back`: lib/i18n/catalogs.test.ts
 * fails when they differ.
 */
export const FALLBACK_MESSAGES: Record<Locale, { unexpected: string; back: string }> = {
  en: { unexpected: "Something went wrong. Nothing was changed. Please try again.", back: "Back" },
  de: { unexpected: "Etwas ist schiefgelaufen. Es wurde nichts geändert. Bitte versuchen Sie es erneut.", back: "Zurück" },
  "zh-CN": { unexpected: "出现问题。未做任何更改。请重试。", back: "返回" },
  ru: { unexpected: "Что-то пошло не так. Ничего не изменено. Попробуйте еще раз.", back: "Назад" },
};
