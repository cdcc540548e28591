import { openApiDocument } from "@/lib/api/openapi";
import { env } from "@/lib/env";

/** The API's description, public like any API reference: it holds no data. */
export function GET(): Response {
  return Response.json(openApiDocument(env().PUBLIC_BASE_URL), { headers: { "cache-control": "public, max-age=300" } });
}
