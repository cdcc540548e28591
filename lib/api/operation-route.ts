import "server-only";
import type { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import type { AnyOperation } from "@/lib/operations/define";
import { execute } from "@/lib/operations/execute";
import { readBody, type ApiCall } from "./route";
import { apiSpec, type ApiMethod, type ApiRouteSpec } from "./spec";

/**
 * The API's write adapter over an operation, the way actionFor is the pages': the JSON body
 * (checked with the route's documented schema), the path's ids and the key's organization
 * become the operation's input, parsed with the operation's own schema (the page's rules, the
 * page's messages), and run through the one executor. A body's `true` reads as a ticked box
 * and numbers as what a form would send, so one schema serves both.
 */
export function operationRoute<P extends Record<string, string>, R>(o: {
  method: Exclude<ApiMethod, "GET">;
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  permission: Permission;
  op: AnyOperation;
  /** The input field naming the acting organization: the key's own. */
  organizationField: "partnerId" | "organizationId";
  /** Input fields from the path's ids. */
  fromPath?: (params: P) => Record<string, string>;
  body?: z.ZodType;
  /** An update: If-Match with the resource's ETag becomes the operation's `version`, checked where it writes. */
  versioned?: boolean;
  responses: ApiRouteSpec<P>["responses"];
  respond: (call: ApiCall<P>, result: R) => Promise<Response>;
}): ApiRouteSpec<P> {
  return apiSpec<P>({
    method: o.method,
    path: o.path,
    operationId: o.operationId,
    summary: o.summary,
    description: o.description,
    permission: o.permission,
    body: o.body,
    responses: o.responses,
    async handler(call) {
      const body = o.body ? ((await readBody(call.request, o.body)) as Record<string, unknown>) : {};
      const version = o.versioned ? versionOf(call.request.headers.get("if-match")) : undefined;
      const input = {
        ...formValues(body),
        ...(o.fromPath?.(call.params) ?? {}),
        ...(version === undefined ? {} : { version }),
        [o.organizationField]: call.organizationId,
      };
      const parsed = o.op.input.safeParse(input);
      if (!parsed.success) {
        const fieldErrors: Record<string, string[]> = {};
        for (const issue of parsed.error.issues) (fieldErrors[issue.path.map(String).join(".") || "body"] ??= []).push(issue.message);
        throw new DomainError("VALIDATION", {}, fieldErrors);
      }
      const result = (await execute(o.op, call.ctx, call.actor as never, parsed.data as never)) as R;
      return await o.respond(call, result);
    },
  });
}

/** JSON as a form would send it: true is a ticked box ("on"), false an unticked one (absent), numbers their digits. */
function formValues(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    if (v === false || v === null) continue;
    out[k] = v === true ? "on" : typeof v === "number" ? String(v) : v;
  }
  return out;
}

/** An ETag as this API makes them (`"1765100000000"`), weak or strong; `*` or none means any version. */
function versionOf(ifMatch: string | null): string | undefined {
  if (ifMatch === null || ifMatch.trim() === "*") return undefined;
  const m = /^(?:W\/)?"(\d{1,15})"$/.exec(ifMatch.trim());
  if (!m) throw new DomainError("PRECONDITION_FAILED");
  return m[1];
}

/** The ETag of a resource whose version is its last change. */
export const etagOf = (updatedAt: Date) => `"${updatedAt.getTime()}"`;
