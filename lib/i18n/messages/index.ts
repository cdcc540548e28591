import type { Locale } from "../locales";
import de from "./de.json";
import en from "./en.json";
import ru from "./ru.json";
import zhCN from "./zh-CN.json";

export type Messages = typeof en;
export const MESSAGES: Record<Locale, Messages> = { en, de, "zh-CN": zhCN, ru };
