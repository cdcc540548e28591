import { describe, expect, it } from "vitest";
import { MESSAGES } from "./messages";
import { FALLBACK_MESSAGES } from "./fallback-messages";
import { LOCALES, matchAcceptLanguage } from "./locales";

function flatten(obj: object, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of flatten(v as object, key)) out.set(kk, vv);
  }
  return out;
}

/** The ICU arguments a message uses ({partner}, {count, plural, …}). */
function argumentsOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*([A-Za-z]\w*)\s*[,}]/g)].map((m) => m[1]))].sort();
}

const english = flatten(MESSAGES.en);

describe("translation catalogs", () => {
  it("the last-resort error page says what the catalogs say, in every language", () => {
    for (const locale of LOCALES) {
      expect(FALLBACK_MESSAGES[locale], locale).toEqual({
        unexpected: MESSAGES[locale].common.unexpected,
        back: MESSAGES[locale].common.back,
      });
    }
  });

  for (const locale of LOCALES) {
    it(`${locale} has every key, no empty text, and the same placeholders as English`, () => {
      const catalog = flatten(MESSAGES[locale]);
      const missing = [...english.keys()].filter((k) => !catalog.has(k));
      const extra = [...catalog.keys()].filter((k) => !english.has(k));
      expect(missing, `missing in ${locale}`).toEqual([]);
      expect(extra, `unknown in ${locale}`).toEqual([]);
      for (const [key, text] of catalog) {
        expect(text.trim(), `${locale}:${key} is empty`).not.toBe("");
        expect(argumentsOf(text), `${locale}:${key} placeholders`).toEqual(argumentsOf(english.get(key)!));
      }
    });
  }

  it("non-English catalogs are translated, not copies of English", () => {
    for (const locale of LOCALES.filter((l) => l !== "en")) {
      const catalog = flatten(MESSAGES[locale]);
      const same = [...english].filter(
        ([k, v]) => catalog.get(k) === v && /[a-z]{4,}/.test(v) && !k.startsWith("partnerTypes") && !k.startsWith("clouds"),
      );
      // A few words are the same in every language (product names); most text must differ.
      expect(
        same.length,
        `${locale} copies: ${same
          .map(([k]) => k)
          .slice(0, 10)
          .join(", ")}`,
      ).toBeLessThan(english.size * 0.05);
    }
  });
});

describe("language negotiation", () => {
  it("follows the browser's preference order and falls back to English", () => {
    expect(matchAcceptLanguage("de-CH,de;q=0.9,en;q=0.8")).toBe("de");
    expect(matchAcceptLanguage("zh-TW,zh;q=0.9")).toBe("zh-CN");
    expect(matchAcceptLanguage("fr-FR,ru;q=0.5")).toBe("ru");
    expect(matchAcceptLanguage("fr-FR")).toBe("en");
    expect(matchAcceptLanguage("en;q=0.1,de;q=0.9")).toBe("de");
    expect(matchAcceptLanguage(undefined)).toBe("en");
  });
});
