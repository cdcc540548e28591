import "server-only";
import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/membership";
import { requireActor } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";
import type { ActionResult } from "./result";

export type Translate = Awaited<ReturnType<typeof getTranslations<never>>>;

/** Turns form data into a plain object; repeated keys become arrays. */
function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // A crafted request can send anything as the argument: no form means no fields.
  if (!(form instanceof FormData)) return out;
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const v = typeof value === "string" ? value : "";
    out[key] = key in out ? ([] as unknown[]).concat(out[key], v) : v;
  }
  return out;
}

/** A schema's message key (`validation.<key>`) in the user's language; unknown keys read "not valid". */
export function validationMessage(t: Translate, key: string): string {
  // Keys come from schemas at run time, so look them up untyped.
  const tr = t as unknown as { (k: string): string; has(k: string): boolean };
  return tr.has(`validation.${key}`) ? tr(`validation.${key}`) : tr("validation.invalid");
}

/** An error's parameters for its message: `at` (a moment, as ISO text) is formatted as a date and time. */
export function errorValues(params: Record<string, string>): Record<string, string | Date> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, k === "at" ? new Date(v) : v]));
}

/** Every field's messages (not just the first), translated. */
export function translateFieldErrors(t: Translate, issues: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [field, keys] of Object.entries(issues)) out[field] = keys.map((k) => validationMessage(t, k));
  return out;
}

/**
 * The one shape of every server action: re-check the session on the server, validate with
 * zod (returning all field errors), run the handler, and turn domain errors into translated
 * messages. Anything unexpected is logged and shown generically, never as a stack trace.
 * Next's own control flow (redirect, notFound) passes through.
 */
export async function runAction<S extends z.ZodType, T>(
  schema: S,
  form: FormData,
  handler: (input: z.infer<S>, actor: Actor, t: Translate) => Promise<ActionResult<T>> | ActionResult<T>,
): Promise<ActionResult<T>> {
  const t = await getTranslations();
  const submitted = formToObject(form);
  try {
    const actor = await requireActor();
    const parsed = schema.safeParse(submitted);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "form");
        (fieldErrors[field] ??= []).push(issue.message);
      }
      return { ok: false, error: t("errors.VALIDATION"), code: "VALIDATION", fieldErrors: translateFieldErrors(t, fieldErrors) };
    }
    return await handler(parsed.data, actor, t);
  } catch (error) {
    unstable_rethrow(error);
    if (isDomainError(error)) {
      return {
        ok: false,
        error: t(`errors.${error.code}`, errorValues(error.params)),
        code: error.code,
        fieldErrors: Object.keys(error.fieldErrors).length ? translateFieldErrors(t, error.fieldErrors) : undefined,
      };
    }
    console.error("server action failed", error);
    return { ok: false, error: t("common.unexpected"), code: "UNEXPECTED" };
  }
}
