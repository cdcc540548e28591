import { getLocale, getTranslations } from "next-intl/server";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { setLocaleAction } from "@/lib/preferences/actions";

/** A plain form, so it works by keyboard and without JavaScript. */
export async function LanguagePicker() {
  const [t, locale] = await Promise.all([getTranslations("common"), getLocale()]);
  return (
    <form action={setLocaleAction} className="flex items-center gap-2">
      <label htmlFor="locale-picker" className="sr-only">
        {t("language")}
      </label>
      <select
        id="locale-picker"
        name="locale"
        defaultValue={locale}
        className="rounded-md border border-gray-300 bg-white px-2 py-1 text-sm"
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
      <button type="submit" className="rounded-md border border-gray-300 bg-white px-2 py-1 text-sm hover:bg-gray-50">
        {t("apply")}
      </button>
    </form>
  );
}
