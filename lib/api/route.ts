import "server-only";
import type { z } from "zod";
import { authenticateKey } from "@/lib/api-keys/authenticate";
import { memberMay, requireMember, type Actor } from "@/lib/auth/membership";
import type { ServiceContext } from "@/lib/context";
import { env } from "@/lib/env";
import { DomainError, isDomainError } from "@/lib/errors";
import { translatorFor } from "@/lib/i18n/translator";
import { countAlone, MINUTE } from "@/lib/rate-limits/limiter";
import { serviceContext } from "@/lib/server-context";
import { idempotent } from "./idempotency";
import { problem } from "./problem";
import type { ApiRouteSpec } from "./spec";
import { problemSchema } from "./v1/schemas";

export type ApiCall<P> = {
  ctx: ServiceContext;
  /** The key's principal: its maker's membership, narrowed to its organization and scopes. */
  actor: Actor;
  /** The organization the key belongs to: every route acts for it and no other. */
  organizationId: string;
  t: ReturnType<typeof translatorFor>["t"];
  request: Request;
  params: P;
};

/** The client's address: scripts/start.ts sets X-Forwarded-For from the socket and TRUSTED_PROXY_HOPS before Next sees it. */
const clientIpOf = (request: Request) => (request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown").slice(0, 64);

/**
 * Every /api/v1 route: the key resolved into a principal on each request (401 otherwise),
 * counted against its own limit in the database (429 with Retry-After past it, RateLimit
 * headers on every answer), then the handler; domain errors become problem documents in the
 * key's language, and anything unexpected a generic one, never a stack trace.
 */
export function apiRoute<P>(spec: ApiRouteSpec<P>) {
  const handler = spec.handler;
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const ctx: ServiceContext = { ...serviceContext(), clientIp: clientIpOf(request) };
    let t = translatorFor("en").t;
    try {
      const auth = await authenticateKey(ctx, request.headers.get("authorization"));
      if (!auth.ok) return problem(t, new DomainError(auth.code), { "www-authenticate": 'Bearer realm="api"' });
      t = translatorFor(auth.locale).t;
      const limit = env().API_REQUESTS_PER_KEY_PER_MINUTE;
      const { used, resetAt } = await countAlone(ctx.db, { key: `api-key:${auth.actor.key!.id}`, limit, windowMs: MINUTE, now: ctx.now() });
      const seconds = String(Math.max(1, Math.ceil((resetAt.getTime() - ctx.now().getTime()) / 1000)));
      const rateLimit = {
        "ratelimit-policy": `${limit};w=60`,
        "ratelimit-limit": String(limit),
        "ratelimit-remaining": String(Math.max(0, limit - used)),
        "ratelimit-reset": seconds,
      };
      if (used > limit)
        return problem(t, new DomainError("RATE_LIMITED", { at: resetAt.toISOString() }), { ...rateLimit, "retry-after": seconds });
      // The route's documented permission, before anything reads the body: a key without it is
      // refused whatever it sends (the operation checks again inside its transaction).
      if (spec.permission) {
        const member = await requireMember(ctx.db, auth.actor, auth.actor.key!.organizationId, "partner");
        if (!memberMay(member, spec.permission)) throw new DomainError("FORBIDDEN");
      }
      const params = await context.params;
      const call = { ctx, actor: auth.actor, organizationId: auth.actor.key!.organizationId, t, request, params };
      const response =
        spec.method === "POST" ? await idempotent(ctx, auth.actor.key!.id, request, () => handler(call)) : await handler(call);
      for (const [name, value] of Object.entries(rateLimit)) response.headers.set(name, value);
      return env().APP_MODE === "test" ? await checkedAgainstSpec(spec, response) : response;
    } catch (error) {
      if (error instanceof BadBody) return problem(t, { code: "BAD_BODY", params: {}, fieldErrors: { body: ["jsonObject"] } });
      if (isDomainError(error)) return problem(t, error);
      console.error("api route failed", error);
      return problem(t, { code: "UNEXPECTED", params: {}, fieldErrors: {} });
    }
  };
}

/** The request's JSON body parsed with the route's schema: every field's error (422), or a body that is no JSON object (400). */
export async function readBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new BadBody();
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) throw new BadBody();
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (fieldErrors[issue.path.map(String).join(".") || "body"] ??= []).push(issue.message);
  throw new DomainError("VALIDATION", {}, fieldErrors);
}

/** A body that is not a JSON object. */
export class BadBody extends Error {}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

/**
 * In the test mode only: an answer that its route's description does not allow (an
 * undeclared status, a body that does not match its schema) becomes a 500, which every API
 * test fails on, so the OpenAPI document stays true to what the server sends.
 */
async function checkedAgainstSpec<P>(spec: ApiRouteSpec<P>, response: Response): Promise<Response> {
  const schema = response.status >= 400 ? problemSchema : spec.responses[response.status]?.schema;
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => undefined);
  const result = schema?.safeParse(body);
  if (result?.success) return response;
  console.error(
    `${spec.method} ${spec.path} answered ${response.status} outside its description`,
    result?.error.issues ?? "undeclared status",
  );
  return problem(translatorFor("en").t, { code: "UNEXPECTED", params: {}, fieldErrors: {} });
}
