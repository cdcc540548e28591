import compile from "icu-minify/compile";
import format, { type CompiledMessage } from "icu-minify/format";
import { _createCache, _createIntlFormatters, type MessageKeys, type NestedKeyOf } from "use-intl/core";
import { MESSAGES, type Messages } from "./messages";
import { DEFAULT_LOCALE, isLocale, TIME_ZONE, type Locale } from "./locales";

type MessageKey = MessageKeys<Messages, NestedKeyOf<Messages>>;
type Values = Record<string, string | number | Date>;

/*
 * Inside the app the bundler hands us catalogs already compiled (next-intl's `precompile`
 * in next.config.js); scripts, tests and the benchmark import them as written. Either way
 * each message is compiled once per process by the same compiler and formatted by the same
 * small formatter, so an email costs the same in every one of them (with use-intl's runtime
 * compiler, unbundled, rendering the two emails of an invitation was a fifth of its cost).
 */
const PRECOMPILED = typeof MESSAGES.en.email.invitation.subject !== "string"; // "{partner} invites you…"
const formatters = _createIntlFormatters(_createCache());
const compiled = new Map<string, CompiledMessage>();

function message(locale: Locale, key: MessageKey): CompiledMessage {
  const id = `${locale}\u0000${key}`;
  let m = compiled.get(id);
  if (m === undefined) {
    const raw = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], MESSAGES[locale]);
    // The catalogs test keeps every language's keys equal to English's: a miss is a bug.
    if (raw === undefined) throw new Error(`No message "${key}" in ${locale}`);
    m = PRECOMPILED ? (raw as CompiledMessage) : compile(raw as string);
    compiled.set(id, m);
  }
  return m;
}

/** A translator outside React (emails, services, scripts), for the recipient's language. */
export function translatorFor(locale: string | null | undefined) {
  const l: Locale = isLocale(locale) ? locale : DEFAULT_LOCALE;
  const t = (key: MessageKey, values?: Values): string => format(message(l, key), l, values, { formatters, timeZone: TIME_ZONE }) as string;
  return { locale: l, t };
}
