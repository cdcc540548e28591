import type { DomainError, ErrorCode } from "@/lib/errors";
import { translatorFor } from "@/lib/i18n/translator";

type Translator = ReturnType<typeof translatorFor>["t"];

/**
 * The one table from our error codes to HTTP statuses. Who you are: 401; what you may: 403;
 * another tenant's id or none: 404; input: 422; too many: 429; anything else the request
 * asks of a resource in a state that refuses it: 409.
 */
const STATUS: Partial<Record<ErrorCode | "UNEXPECTED" | "BAD_BODY", number>> = {
  UNAUTHENTICATED: 401,
  KEY_INVALID: 401,
  KEY_EXPIRED: 401,
  KEY_REVOKED: 401,
  KEY_MAKER_LEFT: 401,
  FORBIDDEN: 403,
  PARTNER_SUSPENDED: 403,
  PARTNER_OFFBOARDED: 403,
  REAUTH_REQUIRED: 403,
  CANNOT_GRANT: 403,
  NOT_FOUND: 404,
  VALIDATION: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  PRECONDITION_FAILED: 412,
  RATE_LIMITED: 429,
  UNEXPECTED: 500,
};

export function statusOf(error: Pick<DomainError, "code" | "fieldErrors">): number {
  return STATUS[error.code] ?? (Object.keys(error.fieldErrors).length ? 422 : 409);
}

/** A message in the caller's language; keys come from data, so a missing one reads "not valid". */
export function messageOf(t: Translator, key: string, values: Record<string, string | Date> = {}): string {
  try {
    return (t as unknown as (k: string, v: Record<string, string | Date>) => string)(key, values);
  } catch {
    return t("validation.invalid");
  }
}

const values = (params: Record<string, string>) =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, k === "at" ? new Date(v) : v]));

/**
 * An RFC 9457 problem document: `type` names the problem for programs (with our stable
 * `code` beside it), `title` says it in English, `detail` in the caller's language, and
 * `errors` lists every field's messages.
 */
export function problem(
  t: Translator,
  error:
    | Pick<DomainError, "code" | "params" | "fieldErrors">
    | { code: "UNEXPECTED" | "BAD_BODY"; params: Record<string, string>; fieldErrors: Record<string, string[]> },
  headers: Record<string, string> = {},
): Response {
  const status = error.code === "BAD_BODY" ? 400 : statusOf(error as DomainError);
  const key = error.code === "UNEXPECTED" ? "common.unexpected" : error.code === "BAD_BODY" ? "errors.VALIDATION" : `errors.${error.code}`;
  const body = {
    type: `urn:prc:problem:${error.code.toLowerCase()}`,
    title: messageOf(translatorFor("en").t, key, values(error.params)),
    status,
    detail: messageOf(t, key, values(error.params)),
    code: error.code,
    ...(Object.keys(error.fieldErrors).length
      ? {
          errors: Object.entries(error.fieldErrors).map(([field, keys]) => ({
            field,
            messages: keys.map((k) => messageOf(t, `validation.${k}`)),
          })),
        }
      : {}),
  };
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/problem+json", ...headers } });
}
