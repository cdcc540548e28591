import type { Messages } from "./messages";
import type { Locale } from "./locales";

// Typed translation keys everywhere: a key missing from the English catalog fails typecheck.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
