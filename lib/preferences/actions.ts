"use server";

import { cookies } from "next/headers";
import { getActor } from "@/lib/auth/session";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { execute } from "@/lib/operations/execute";
import { serviceContext } from "@/lib/server-context";
import { setLocale } from "./locale";

/** Anyone may choose a language; a signed-in user's choice also drives the emails they get. */
export async function setLocaleAction(form: FormData): Promise<void> {
  // A crafted request can send anything as the argument; only a form is read.
  const locale = form instanceof FormData ? form.get("locale") : null;
  if (!isLocale(locale)) return;
  // Readable by scripts: app/global-error.tsx picks its language from it (a preference, nothing secret).
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 86_400, sameSite: "lax", httpOnly: false });
  const actor = await getActor();
  if (actor) await execute(setLocale, serviceContext(), actor, { locale });
}
