"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import { errorValues, translateFieldErrors } from "@/lib/actions/run-action";
import { isDomainError } from "@/lib/errors";
import { consumeSignInAttempt } from "@/lib/rate-limits/request";
import { signIn, signOut } from "./auth";

const signInSchema = z.object({
  email: z.string().trim().min(1, "required").max(254, "emailTooLong").pipe(z.email({ error: "emailInvalid" })),
  redirectTo: z.string().optional(),
});

/** Only same-site paths: a crafted sign-in link cannot send someone to another site. */
function safeRedirect(path: string | undefined): string {
  return path && path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : "/";
}

export async function signInAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  const t = await getTranslations();
  if (!(form instanceof FormData)) return { ok: false, error: t("errors.VALIDATION"), code: "VALIDATION" };
  const parsed = signInSchema.safeParse({ email: form.get("email") ?? "", redirectTo: form.get("redirectTo") ?? undefined });
  if (!parsed.success) {
    return { ok: false, error: t("errors.VALIDATION"), code: "VALIDATION", fieldErrors: translateFieldErrors(t, { email: parsed.error.issues.map((i) => i.message) }) };
  }
  try {
    await consumeSignInAttempt();
  } catch (error) {
    if (isDomainError(error, "RATE_LIMITED")) return { ok: false, error: t("errors.RATE_LIMITED", errorValues(error.params)), code: "RATE_LIMITED" };
    throw error;
  }
  // Throws Next's redirect to the "check your email" page on success.
  await signIn("nodemailer", { email: parsed.data.email, redirectTo: safeRedirect(parsed.data.redirectTo) });
  return null;
}

export async function signOutAction(form: FormData): Promise<void> {
  const to = form instanceof FormData ? form.get("redirectTo") : null;
  await signOut({ redirect: false });
  redirect(safeRedirect(typeof to === "string" ? to : undefined));
}
