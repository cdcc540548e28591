import fc from "fast-check";

/**
 * What an attacker types into a form: injection strings, Unicode tricks, look-alike
 * addresses, sizes past every limit, values of the wrong type. For the fuzz test.
 */
export const HOSTILE: string[] = [
  "",
  " ",
  "' OR 1=1 --",
  "'; DROP TABLE organizations; --",
  '" OR ""="',
  "1 UNION SELECT email FROM users",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "{{7*7}}${7*7}%s%n",
  "\u202Eevil\u202C.com",
  "zero\u200Bwidth",
  "nul\u0000byte",
  "\uFEFFbom",
  "Ａｄｍｉｎ",
  "olivia.it@adventure-wоrks.com", // Cyrillic о
  "OLIVIA.IT@ADVENTURE-WORKS.COM\u0301",
  "ᴀdmin@northwindcloud.com",
  "../../etc/passwd",
  "__proto__",
  "constructor",
  "NaN",
  "-1",
  "1e309",
  "0x7fffffff",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "x".repeat(100_000),
  "𝕏".repeat(5_000),
  "👩‍👩‍👧‍👦".repeat(500),
];

const text = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
);

/** One field's value: a hostile string, or the same field repeated (an array where one value is expected). */
export const hostileValue: fc.Arbitrary<string | string[]> = fc.oneof(
  { weight: 4, arbitrary: text },
  { weight: 1, arbitrary: fc.array(text, { minLength: 2, maxLength: 4 }) },
);

/** Strings that cannot be an email address (no "@"), for the one public action that sends mail. */
export const notAnEmail: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE.filter((s) => !s.includes("@"))),
  fc.string({ maxLength: 40 }).filter((s) => !s.includes("@")),
);

/** Envelopes React never sends: wrong argument shapes, and some Next cannot even decode. */
export const ENVELOPES = [
  '["$K1"]',
  '[null,"$K1",1,2]',
  "[]",
  "[null,null]",
  '[null,"x"]',
  "[null,5]",
  '[null,"$Q1"]',
  '[null,"$K9"]',
  "[",
  '"x"',
  "null",
  "{}",
];
