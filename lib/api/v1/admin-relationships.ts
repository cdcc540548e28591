import "server-only";
import { z } from "zod";
import { DIRECTORY_ROLE_IDS } from "@/db/values/directory-roles";
import { createAccessAssignment, removeAccessAssignment } from "@/lib/access/assignments";
import { assignmentVersion, updateAccessAssignment } from "@/lib/access/change-assignment";
import { assignmentsOf, getAssignmentOrThrow } from "@/lib/access/queries";
import { adminRelationshipsAfter, getPartnerAdminRelationshipOrThrow } from "@/lib/admin-relationships/queries";
import { requestAdminRelationship, terminateAdminRelationship } from "@/lib/admin-relationships/service";
import { requireMember, type Member } from "@/lib/auth/membership";
import { accessAssignmentResource, adminRelationshipResource } from "../resources";
import { etagOf, operationRoute } from "../operation-route";
import { json, type ApiCall } from "../route";
import { apiSpec } from "../spec";
import { decodeCursor, encodeCursor, pageLimit } from "./paging";
import { accessAssignmentSchema, adminRelationshipPageSchema, adminRelationshipSchema, cursorQuery } from "./schemas";

const partnerMember = async (call: ApiCall<unknown>): Promise<Member> =>
  await requireMember(call.ctx.db, call.actor, call.organizationId, "partner");

const relationshipAnswer = async (call: ApiCall<unknown>, id: string, status = 200) =>
  json(adminRelationshipResource(await getPartnerAdminRelationshipOrThrow(call.ctx.db, await partnerMember(call), id)), status, {
    ...(status === 201 ? { location: `/api/v1/admin-relationships/${id}` } : {}),
  });

const assignmentAnswer = async (call: ApiCall<unknown>, id: string, status = 200) => {
  const a = await getAssignmentOrThrow(call.ctx.db, await partnerMember(call), id);
  return json(accessAssignmentResource(a), status, { etag: etagOf(assignmentVersion(a)) });
};

const roles = z.array(z.enum(DIRECTORY_ROLE_IDS)).min(1).meta({ description: "Directory role ids, for example global_reader" });

export const listAdminRelationshipsRoute = apiSpec<unknown>({
  method: "GET",
  path: "/admin-relationships",
  operationId: "listAdminRelationships",
  summary: "The organization's admin relationships, newest first",
  permission: "customers.read",
  query: { ...cursorQuery, customerId: z.string().optional().meta({ description: "Only those with this customer" }) },
  responses: { 200: { description: "A page of admin relationships", schema: adminRelationshipPageSchema } },
  async handler(call) {
    const url = new URL(call.request.url);
    const limit = pageLimit(url.searchParams.get("limit"));
    const { rows, more } = await adminRelationshipsAfter(call.ctx.db, await partnerMember(call), {
      customerId: url.searchParams.get("customerId") ?? undefined,
      after: decodeCursor(url.searchParams.get("cursor")),
      limit,
    });
    const last = rows.at(-1);
    return json({ data: rows.map(adminRelationshipResource), next: more && last ? encodeCursor(last.createdAt, last.id) : null });
  },
});

export const getAdminRelationshipRoute = apiSpec<{ id: string }>({
  method: "GET",
  path: "/admin-relationships/{id}",
  operationId: "getAdminRelationship",
  summary: "One admin relationship",
  permission: "customers.read",
  responses: { 200: { description: "The admin relationship", schema: adminRelationshipSchema } },
  handler: async (call) => await relationshipAnswer(call, call.params.id),
});

export const requestAdminRelationshipRoute = operationRoute<Record<string, string>, { id: string }>({
  method: "POST",
  path: "/admin-relationships",
  operationId: "requestAdminRelationship",
  summary: "Ask a customer for admin roles",
  description: "The customer's Global administrators are emailed to approve or reject; Global Administrator cannot be auto-extended.",
  permission: "admin_relationships.write",
  op: requestAdminRelationship,
  organizationField: "partnerId",
  body: z.object({
    customerId: z.string(),
    name: z.string().meta({ description: "Unique among your relationships with the customer, at most 50 characters" }),
    durationDays: z.number().int().meta({ description: "1 to 730" }),
    roles,
    autoExtend: z.boolean().optional(),
    replacesId: z.string().optional(),
  }),
  responses: { 201: { description: "The request, waiting for the customer", schema: adminRelationshipSchema } },
  respond: async (call, r) => await relationshipAnswer(call, r.id, 201),
});

export const terminateAdminRelationshipRoute = operationRoute<{ id: string }, unknown>({
  method: "POST",
  path: "/admin-relationships/{id}/terminate",
  operationId: "terminateAdminRelationship",
  summary: "End an admin relationship now",
  permission: "admin_relationships.write",
  op: terminateAdminRelationship,
  organizationField: "organizationId",
  fromPath: (p) => ({ relationshipId: p.id }),
  responses: { 200: { description: "The relationship, terminated", schema: adminRelationshipSchema } },
  respond: async (call) => await relationshipAnswer(call, call.params.id),
});

export const listAccessAssignmentsRoute = apiSpec<{ id: string }>({
  method: "GET",
  path: "/admin-relationships/{id}/access-assignments",
  operationId: "listAccessAssignments",
  summary: "Which of your security groups hold which roles of an admin relationship",
  permission: "customers.read",
  responses: {
    200: { description: "Every assignment, deleted ones included", schema: z.object({ data: z.array(accessAssignmentSchema) }) },
  },
  async handler(call) {
    const member = await partnerMember(call);
    const relationship = await getPartnerAdminRelationshipOrThrow(call.ctx.db, member, call.params.id);
    return json({ data: (await assignmentsOf(call.ctx.db, member, relationship.id)).map(accessAssignmentResource) });
  },
});

export const createAccessAssignmentRoute = operationRoute<{ id: string }, { id: string }>({
  method: "POST",
  path: "/admin-relationships/{id}/access-assignments",
  operationId: "createAccessAssignment",
  summary: "Give one of your security groups roles of an admin relationship in force",
  permission: "admin_relationships.write",
  op: createAccessAssignment,
  organizationField: "partnerId",
  fromPath: (p) => ({ relationshipId: p.id }),
  body: z.object({ groupId: z.string(), roles: roles.meta({ description: "Roles the customer approved in this relationship" }) }),
  responses: { 201: { description: "The assignment", schema: accessAssignmentSchema } },
  respond: async (call, r) => await assignmentAnswer(call, r.id, 201),
});

export const deleteAccessAssignmentRoute = operationRoute<{ id: string }, unknown>({
  method: "DELETE",
  path: "/access-assignments/{id}",
  operationId: "deleteAccessAssignment",
  summary: "Take an assignment's roles from its group",
  permission: "admin_relationships.write",
  op: removeAccessAssignment,
  organizationField: "partnerId",
  fromPath: (p) => ({ assignmentId: p.id }),
  responses: { 200: { description: "The assignment, deleted", schema: accessAssignmentSchema } },
  respond: async (call) => await assignmentAnswer(call, call.params.id),
});

export const getAccessAssignmentRoute = apiSpec<{ id: string }>({
  method: "GET",
  path: "/access-assignments/{id}",
  operationId: "getAccessAssignment",
  summary: "One access assignment, with its ETag",
  permission: "customers.read",
  responses: { 200: { description: "The assignment", schema: accessAssignmentSchema } },
  handler: async (call) => await assignmentAnswer(call, call.params.id),
});

export const updateAccessAssignmentRoute = operationRoute<{ id: string }, unknown>({
  method: "PATCH",
  path: "/access-assignments/{id}",
  operationId: "updateAccessAssignment",
  summary: "Change which roles of its relationship a group holds",
  description:
    "The group keeps its access while its roles change. With If-Match and the ETag of the assignment you read, a change made since is refused (412) instead of overwritten.",
  versioned: true,
  permission: "admin_relationships.write",
  op: updateAccessAssignment,
  organizationField: "partnerId",
  fromPath: (p) => ({ assignmentId: p.id }),
  body: z.object({ roles: roles.meta({ description: "Roles the customer approved in this relationship" }) }),
  responses: { 200: { description: "The assignment", schema: accessAssignmentSchema } },
  respond: async (call) => await assignmentAnswer(call, call.params.id),
});
