import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { normalizeEmail } from "@/lib/email/normalize";
import { env } from "@/lib/env";
import { isDomainError } from "@/lib/errors";
import { mailboxKey } from "@/lib/rate-limits/keys";
import { consumeAlone } from "@/lib/rate-limits/limiter";
import { consumeSignInAttempt } from "@/lib/rate-limits/request";

/** One address, at most 254 characters: a list ("a@x.com,b@y.com") is not an address. */
export const signInEmailSchema = z
  .string({ error: "required" })
  .trim()
  .min(1, "required")
  .max(254, "emailTooLong")
  .pipe(z.email({ error: "emailInvalid" }));

const ADDRESS_WINDOW_MS = 15 * 60_000;

export type SignInAdmission =
  { ok: true; email: string } | { ok: false; code: "VALIDATION"; messages: string[] } | { ok: false; code: "RATE_LIMITED"; at: string };

/**
 * What every request for a sign-in link passes, by our form or by Auth.js's own endpoint
 * (which skips the form): one valid address, the per-client limit (an IPv6 client by its /64),
 * and a per-mailbox limit (a victim's inbox cannot be flooded from many addresses, nor through
 * its sub-addresses: lib/rate-limits/keys.ts). Known and unknown addresses are
 * counted and answered alike, so the answer tells nothing about who has an account.
 */
export async function admitSignInRequest(raw: unknown): Promise<SignInAdmission> {
  const parsed = signInEmailSchema.safeParse(typeof raw === "string" ? raw : "");
  if (!parsed.success) return { ok: false, code: "VALIDATION", messages: parsed.error.issues.map((i) => i.message) };
  const email = normalizeEmail(parsed.data);
  try {
    await consumeSignInAttempt();
    await consumeAlone(db(), {
      key: mailboxKey("sign-in-address", email),
      limit: env().SIGNIN_LINKS_PER_ADDRESS_PER_15_MINUTES,
      windowMs: ADDRESS_WINDOW_MS,
      now: new Date(),
    });
  } catch (error) {
    if (isDomainError(error, "RATE_LIMITED")) return { ok: false, code: "RATE_LIMITED", at: error.params.at };
    throw error;
  }
  return { ok: true, email };
}
