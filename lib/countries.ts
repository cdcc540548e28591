/** ISO 3166-1 alpha-2 codes offered for a new organization; names come from Intl.DisplayNames in the user's language. */
export const COUNTRY_CODES = [
  "AE",
  "AR",
  "AT",
  "AU",
  "BE",
  "BG",
  "BR",
  "CA",
  "CH",
  "CL",
  "CN",
  "CO",
  "CZ",
  "DE",
  "DK",
  "EE",
  "EG",
  "ES",
  "FI",
  "FR",
  "GB",
  "GR",
  "HK",
  "HR",
  "HU",
  "ID",
  "IE",
  "IL",
  "IN",
  "IS",
  "IT",
  "JP",
  "KE",
  "KR",
  "KZ",
  "LT",
  "LU",
  "LV",
  "MA",
  "MX",
  "MY",
  "NG",
  "NL",
  "NO",
  "NZ",
  "PE",
  "PH",
  "PL",
  "PT",
  "RO",
  "RS",
  "SA",
  "SE",
  "SG",
  "SI",
  "SK",
  "TH",
  "TR",
  "TW",
  "UA",
  "US",
  "VN",
  "ZA",
] as const;

export function isCountryCode(value: string): boolean {
  return (COUNTRY_CODES as readonly string[]).includes(value);
}

// Creating an Intl.DisplayNames costs ten times a lookup, and a customer list asks 50 times a page: one per language.
const regionNames = new Map<string, Intl.DisplayNames | null>();

export function countryName(code: string, locale: string): string {
  let names = regionNames.get(locale);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([locale], { type: "region" });
    } catch {
      names = null;
    }
    regionNames.set(locale, names);
  }
  try {
    return names?.of(code) ?? code;
  } catch {
    return code;
  }
}
