import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { API_ROUTES } from "./v1/routes";
import { problemSchema } from "./v1/schemas";

const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: problemSchema } } });

/** The refusals every route may answer, and those of routes that read a body or name a resource. */
const COMMON_PROBLEMS = {
  401: problem("No key, or a key that is malformed, unknown, revoked, expired, or whose maker left"),
  403: problem("The key (or its maker, now) lacks the permission, or the partner's standing refuses it"),
  429: problem("Past the key's limit per minute: see Retry-After and the RateLimit headers"),
};

const pathParams = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

function operationOf(route: (typeof API_ROUTES)[number]): ZodOpenApiOperationObject {
  const params = pathParams(route.path);
  const responses: Record<string, ReturnType<typeof problem> | { description: string; content: object }> = { ...COMMON_PROBLEMS };
  for (const [status, r] of Object.entries(route.responses))
    responses[status] = { description: r.description, content: { "application/json": { schema: r.schema } } };
  if (params.length) responses[404] = problem("Nothing with this id in the key's organization (another organization's id included)");
  if (route.body || route.query) responses[422] = problem("Input that breaks a rule; `errors` names every field");
  if (route.body) responses[400] = problem("A body that is no JSON object");
  if (route.method === "PATCH") responses[412] = problem("If-Match names a version the resource no longer has");
  if (route.method === "POST") responses[409] = problem("The resource's state refuses the request");
  return {
    operationId: route.operationId,
    // What the key must hold, for programs (the matrix test reads it): null for any key.
    "x-permission": route.permission,
    summary: route.summary,
    description: [route.description, route.permission ? `Permission: \`${route.permission}\`.` : "Any key."].filter(Boolean).join("\n\n"),
    requestParams: {
      ...(route.method === "POST"
        ? {
            header: z.object({
              "Idempotency-Key": z.string().max(255).optional().meta({
                description:
                  "Run this POST once: a repeat with the same body within a day gets the first answer back; another body with the same key is 422",
              }),
            }),
          }
        : {}),
      ...(route.method === "PATCH"
        ? {
            header: z.object({
              "If-Match": z
                .string()
                .optional()
                .meta({ description: "The ETag of the resource as you read it: refused with 412 if it changed since" }),
            }),
          }
        : {}),
      ...(params.length ? { path: z.object(Object.fromEntries(params.map((p) => [p, z.string()]))) } : {}),
      ...(route.query ? { query: z.object(route.query) } : {}),
    },
    ...(route.body ? { requestBody: { required: true, content: { "application/json": { schema: route.body } } } } : {}),
    responses: responses as ZodOpenApiOperationObject["responses"],
  };
}

/** The OpenAPI 3.1 document of /api/v1, generated from the routes' own descriptions and zod schemas. */
export function openApiDocument(serverUrl: string) {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of API_ROUTES) {
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, ZodOpenApiOperationObject>)[route.method.toLowerCase()] = operationOf(route);
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Partner Relationship Center API",
      version: "1",
      description:
        "Invite customers, follow relationships and act for your organization from scripts and tools. Every request carries an API key made on the API and webhooks page: `Authorization: Bearer prc_…`. Errors are RFC 9457 problem documents.",
      license: { name: "Proprietary", identifier: "LicenseRef-Proprietary" },
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    security: [{ apiKey: [] }],
    components: { securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "An API key: prc_ and 49 characters" } } },
    paths,
  });
}
