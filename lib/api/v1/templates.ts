import "server-only";
import { z } from "zod";
import { DIRECTORY_ROLE_IDS } from "@/db/values/directory-roles";
import { requireMember } from "@/lib/auth/membership";
import { getPartnerAdminRelationshipOrThrow } from "@/lib/admin-relationships/queries";
import { createAdminTemplate, deleteAdminTemplate, updateAdminTemplate } from "@/lib/templates/operations";
import { getTemplateOrThrow, listTemplates, type TemplateSummary } from "@/lib/templates/queries";
import { requestFromTemplate } from "@/lib/templates/request";
import { adminRelationshipResource } from "../resources";
import { operationRoute } from "../operation-route";
import { json, type ApiCall } from "../route";
import { apiSpec } from "../spec";
import { adminRelationshipSchema, adminTemplateSchema } from "./schemas";

const partnerMember = async (call: ApiCall<unknown>) => await requireMember(call.ctx.db, call.actor, call.organizationId, "partner");

const templateResource = (t: TemplateSummary) => ({
  id: t.id,
  name: t.name,
  version: t.version,
  roles: t.roles,
  durationDays: t.durationDays,
  autoExtend: t.autoExtend,
  groupRoles: t.groupRoles,
  updatedAt: t.updatedAt.toISOString(),
});

/** A template's ETag is its version's number: an update naming an older one is refused. */
const templateAnswer = async (call: ApiCall<unknown>, id: string, status = 200) => {
  const t = await getTemplateOrThrow(call.ctx.db, await partnerMember(call), id);
  return json(templateResource(t), status, {
    etag: `"${t.version}"`,
    ...(status === 201 ? { location: `/api/v1/admin-templates/${id}` } : {}),
  });
};

const roles = z.array(z.enum(DIRECTORY_ROLE_IDS)).min(1);
const templateBody = z.object({
  name: z.string().meta({ description: "Unique among your templates, at most 50 characters" }),
  durationDays: z.number().int().meta({ description: "1 to 730" }),
  roles,
  autoExtend: z.boolean().optional().meta({ description: "Never with Global Administrator" }),
  groupRoles: z
    .array(z.object({ groupId: z.string(), roles }))
    .optional()
    .meta({ description: "Which of your security groups receive which of the roles once a customer approves" }),
});
const ref = (p: { id: string }) => ({ templateId: p.id });

export const listAdminTemplatesRoute = apiSpec<unknown>({
  method: "GET",
  path: "/admin-templates",
  operationId: "listAdminTemplates",
  summary: "Your admin relationship templates, each at its current version",
  permission: "customers.read",
  responses: { 200: { description: "Every live template, by name", schema: z.object({ data: z.array(adminTemplateSchema) }) } },
  handler: async (call) => json({ data: (await listTemplates(call.ctx.db, await partnerMember(call))).map(templateResource) }),
});

export const getAdminTemplateRoute = apiSpec<{ id: string }>({
  method: "GET",
  path: "/admin-templates/{id}",
  operationId: "getAdminTemplate",
  summary: "One template at its current version, with its ETag",
  permission: "customers.read",
  responses: { 200: { description: "The template", schema: adminTemplateSchema } },
  handler: async (call) => await templateAnswer(call, call.params.id),
});

export const createAdminTemplateRoute = operationRoute<Record<string, string>, { id: string }>({
  method: "POST",
  path: "/admin-templates",
  operationId: "createAdminTemplate",
  summary: "Create a template: roles, duration, auto-extend and group mappings (version 1)",
  permission: "admin_relationships.write",
  op: createAdminTemplate,
  organizationField: "partnerId",
  body: templateBody,
  responses: { 201: { description: "The template", schema: adminTemplateSchema } },
  respond: async (call, t) => await templateAnswer(call, t.id, 201),
});

export const updateAdminTemplateRoute = operationRoute<{ id: string }, unknown>({
  method: "PATCH",
  path: "/admin-templates/{id}",
  operationId: "updateAdminTemplate",
  summary: "Change a template: it becomes the next version",
  description:
    "Send every field: the next version is what the body says; relationships made from earlier versions keep theirs. With If-Match and the ETag you read, a version made since is refused (412).",
  versioned: true,
  permission: "admin_relationships.write",
  op: updateAdminTemplate,
  organizationField: "partnerId",
  fromPath: ref,
  body: templateBody,
  responses: { 200: { description: "The template at its new version", schema: adminTemplateSchema } },
  respond: async (call) => await templateAnswer(call, call.params.id),
});

export const deleteAdminTemplateRoute = operationRoute<{ id: string }, { name: string }>({
  method: "DELETE",
  path: "/admin-templates/{id}",
  operationId: "deleteAdminTemplate",
  summary: "Delete a template; relationships made from it keep their version",
  permission: "admin_relationships.write",
  op: deleteAdminTemplate,
  organizationField: "partnerId",
  fromPath: ref,
  responses: { 200: { description: "What was deleted", schema: z.object({ id: z.string(), name: z.string(), deleted: z.literal(true) }) } },
  respond: async (call, t) => json({ id: call.params.id, name: t.name, deleted: true }),
});

export const requestFromTemplateRoute = operationRoute<Record<string, string>, { id: string }>({
  method: "POST",
  path: "/admin-relationships/from-template",
  operationId: "requestFromTemplate",
  summary: "Ask a customer for a template's roles",
  description:
    "The template's current version gives the roles, duration and auto-extend; when the customer approves, its groups receive their roles at once.",
  permission: "admin_relationships.write",
  op: requestFromTemplate,
  organizationField: "partnerId",
  body: z.object({ customerId: z.string(), templateId: z.string(), name: z.string().meta({ description: "At most 50 characters" }) }),
  responses: { 201: { description: "The request, waiting for the customer", schema: adminRelationshipSchema } },
  respond: async (call, r) =>
    json(adminRelationshipResource(await getPartnerAdminRelationshipOrThrow(call.ctx.db, await partnerMember(call), r.id)), 201, {
      location: `/api/v1/admin-relationships/${r.id}`,
    }),
});
