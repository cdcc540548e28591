"use client";

import { Field, inputClass } from "./field";

/** A country chosen from the offered list (names in the reader's language), with its errors beside it. */
export function CountryField({
  label,
  choose,
  countries,
  errors,
}: {
  label: string;
  choose: string;
  countries: { code: string; name: string }[];
  errors?: string[];
}) {
  return (
    <Field id="country" label={label} errors={errors}>
      {(aria) => (
        <select {...aria} name="country" defaultValue="" className={inputClass}>
          <option value="">{choose}</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
