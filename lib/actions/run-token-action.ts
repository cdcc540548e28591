import "server-only";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/membership";
import { recordTokenFailure, tokenAttemptsBlockedUntil } from "@/lib/rate-limits/request";
import type { ActionResult } from "./result";
import { errorValues, runAction } from "./run-action";

type Translate = Parameters<Parameters<typeof runAction>[2]>[2];

/**
 * runAction for answering an emailed link (invitation, team invitation, partnership): an
 * address that has failed too many tokens this minute is refused before any lookup, and a
 * token that matches nothing counts as a failure.
 */
export async function runTokenAction<S extends z.ZodType, T>(
  schema: S,
  form: FormData,
  handler: (input: z.infer<S>, actor: Actor, t: Translate) => Promise<ActionResult<T>> | ActionResult<T>,
): Promise<ActionResult<T>> {
  const blocked = await tokenAttemptsBlockedUntil();
  if (blocked) {
    const t = await getTranslations();
    return { ok: false, error: t("errors.RATE_LIMITED", errorValues({ at: blocked.toISOString() })), code: "RATE_LIMITED" };
  }
  const result = await runAction(schema, form, handler);
  if (result && !result.ok && result.code === "INVITATION_INVALID") await recordTokenFailure();
  return result;
}
