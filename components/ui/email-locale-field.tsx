"use client";

import { useLocale } from "next-intl";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { Field, inputClass } from "./field";

/** The language an email goes out in; starts at the sender's own. */
export function EmailLocaleField({ id, label, errors }: { id: string; label: string; errors?: string[] }) {
  const locale = useLocale();
  return (
    <Field id={id} label={label} errors={errors}>
      {(aria) => (
        <select {...aria} name="locale" defaultValue={locale} className={inputClass}>
          {LOCALES.map((l) => (
            <option key={l} value={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
