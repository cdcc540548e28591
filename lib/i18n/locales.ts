export const LOCALES = ["en", "de", "zh-CN", "ru"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Every date the app shows or sends is in UTC: partners and customers sit in many zones, and a server's own zone must not leak into pages. */
export const TIME_ZONE = "UTC";
export const LOCALE_COOKIE = "locale";

/** Each language named in itself, for the language picker. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", de: "Deutsch", "zh-CN": "简体中文", ru: "Русский" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The best supported locale for an Accept-Language header ("de-CH,de;q=0.9,en;q=0.8" → "de"). */
export function matchAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const wanted = header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((w) => w.tag && w.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of wanted) {
    const exact = LOCALES.find((l) => l.toLowerCase() === tag);
    if (exact) return exact;
    const base = tag.split("-")[0];
    // Any Chinese request gets Simplified Chinese, the only Chinese we have.
    const byBase = LOCALES.find((l) => l.toLowerCase().split("-")[0] === base);
    if (byBase) return byBase;
  }
  return DEFAULT_LOCALE;
}
