import { openApiDocument } from "./openapi";

/**
 * The API reference page's reading of the OpenAPI document: every operation with its
 * parameters, body and answers, each schema as a list of fields with a short type. Made on
 * the server from the very document /api/v1/openapi.json serves, so the page needs no script
 * (nothing to allow in the Content-Security-Policy) and cannot disagree with the document.
 */

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  items?: Schema;
  anyOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  description?: string;
  additionalProperties?: Schema | boolean;
};
type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  parameters?: { in: string; name: string; required?: boolean; description?: string; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
};

export type Field = { name: string; type: string; required: boolean; description?: string };
export type ReferenceOperation = {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  parameters: (Field & { in: string })[];
  body: Field[] | null;
  answers: { status: string; description: string; schema: string | null }[];
};

const refName = (ref: string) => ref.split("/").at(-1)!;

function typeOf(s: Schema | undefined): string {
  if (!s) return "any";
  if (s.$ref) return refName(s.$ref);
  if (s.anyOf) return s.anyOf.map(typeOf).join(" | ");
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  const types = [s.type ?? "object"].flat();
  return types.map((t) => (t === "array" ? `${typeOf(s.items)}[]` : t === "object" && s.properties ? "object" : t)).join(" | ");
}

function fieldsOf(s: Schema | undefined, schemas: Record<string, Schema>): Field[] {
  const resolved = s?.$ref ? schemas[refName(s.$ref)] : s;
  return Object.entries(resolved?.properties ?? {}).map(([name, p]) => ({
    name,
    type: typeOf(p),
    required: resolved?.required?.includes(name) ?? false,
    description: p.description,
  }));
}

export function apiReference(serverUrl: string) {
  const document = openApiDocument(serverUrl) as unknown as {
    info: { title: string; description: string };
    servers: { url: string }[];
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, Schema> };
  };
  const schemas = document.components.schemas;
  const operations: ReferenceOperation[] = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({
      id: op.operationId,
      method: method.toUpperCase(),
      path,
      summary: op.summary,
      description: op.description ?? "",
      parameters: (op.parameters ?? []).map((p) => ({
        in: p.in,
        name: p.name,
        type: typeOf(p.schema),
        required: p.required ?? false,
        description: p.description,
      })),
      body: op.requestBody ? fieldsOf(op.requestBody.content["application/json"]?.schema, schemas) : null,
      answers: Object.entries(op.responses).map(([status, r]) => {
        const schema = Object.values(r.content ?? {})[0]?.schema;
        return { status, description: r.description, schema: schema ? typeOf(schema) : null };
      }),
    })),
  );
  const models = Object.entries(schemas).map(([name, s]) => ({ name, description: s.description, fields: fieldsOf(s, schemas) }));
  return { title: document.info.title, description: document.info.description, server: document.servers[0]!.url, operations, models };
}
