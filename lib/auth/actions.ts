"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/actions/result";
import { errorValues, translateFieldErrors } from "@/lib/actions/run-action";
import { admitSignInRequest } from "./sign-in-request";
import { signIn, signOut } from "./auth";

/** Only same-site paths: a crafted sign-in link cannot send someone to another site. */
function safeRedirect(path: string | undefined): string {
  return path && path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : "/";
}

export async function signInAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  const t = await getTranslations();
  if (!(form instanceof FormData)) return { ok: false, error: t("errors.VALIDATION"), code: "VALIDATION" };
  const admitted = await admitSignInRequest(form.get("email"));
  if (!admitted.ok && admitted.code === "VALIDATION")
    return {
      ok: false,
      error: t("errors.VALIDATION"),
      code: "VALIDATION",
      fieldErrors: translateFieldErrors(t, { email: admitted.messages }),
    };
  if (!admitted.ok) return { ok: false, error: t("errors.RATE_LIMITED", errorValues({ at: admitted.at })), code: "RATE_LIMITED" };
  const redirectTo = form.get("redirectTo");
  const next = await signIn("nodemailer", {
    email: admitted.email,
    redirectTo: safeRedirect(typeof redirectTo === "string" ? redirectTo : undefined),
    redirect: false,
  });
  // Auth.js answers with its own /api/auth/verify-request, which only redirects on to our page: going there
  // directly keeps the address bar on the page the user reads. Anything else (its error page) as it is.
  redirect(new URL(next, "http://x").pathname.endsWith("/verify-request") ? "/signin/check-email" : next);
}

export async function signOutAction(form: FormData): Promise<void> {
  const to = form instanceof FormData ? form.get("redirectTo") : null;
  await signOut({ redirect: false });
  redirect(safeRedirect(typeof to === "string" ? to : undefined));
}
