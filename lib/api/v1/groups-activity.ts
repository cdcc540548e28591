import "server-only";
import { z } from "zod";
import { AUDIT_ACTIONS } from "@/db/values/audit";
import { addGroupMember, removeGroupMember } from "@/lib/access/groups";
import { listGroupsWithMembers } from "@/lib/access/queries";
import { listActivity } from "@/lib/audit/activity";
import { parseActivityFilters } from "@/lib/audit/filters";
import { requireMember, type Member } from "@/lib/auth/membership";
import { DomainError } from "@/lib/errors";
import { operationRoute } from "../operation-route";
import { json, type ApiCall } from "../route";
import { apiSpec } from "../spec";
import { pageLimit } from "./paging";

const partnerMember = async (call: ApiCall<unknown>): Promise<Member> =>
  await requireMember(call.ctx.db, call.actor, call.organizationId, "partner");

const groupSchema = z
  .object({ id: z.string(), name: z.string(), members: z.array(z.object({ userId: z.string(), email: z.string() })) })
  .meta({ id: "SecurityGroup", description: "One of your security groups: what access assignments give roles to" });
const groupsSchema = z.object({ data: z.array(groupSchema) }).meta({ id: "SecurityGroupList" });

async function groupsAnswer(call: ApiCall<unknown>, onlyId?: string) {
  const { groups } = await listGroupsWithMembers(call.ctx.db, await partnerMember(call));
  const data = groups.map((g) => ({ id: g.id, name: g.name, members: g.members.map((m) => ({ userId: m.userId, email: m.email })) }));
  if (!onlyId) return json({ data });
  const one = data.find((g) => g.id === onlyId);
  if (!one) throw new DomainError("NOT_FOUND");
  return json(one);
}

export const listSecurityGroupsRoute = apiSpec<unknown>({
  method: "GET",
  path: "/security-groups",
  operationId: "listSecurityGroups",
  summary: "Your security groups with their members",
  permission: "customers.read",
  responses: { 200: { description: "Every group, by name", schema: groupsSchema } },
  handler: async (call) => await groupsAnswer(call),
});

export const addGroupMemberRoute = operationRoute<{ id: string }, unknown>({
  method: "POST",
  path: "/security-groups/{id}/members",
  operationId: "addGroupMember",
  summary: "Add a colleague to a security group",
  permission: "groups.write",
  op: addGroupMember,
  organizationField: "partnerId",
  fromPath: (p) => ({ groupId: p.id }),
  body: z.object({ userId: z.string() }),
  responses: { 200: { description: "The group", schema: groupSchema } },
  respond: async (call) => await groupsAnswer(call, call.params.id),
});

export const removeGroupMemberRoute = operationRoute<{ id: string; userId: string }, unknown>({
  method: "DELETE",
  path: "/security-groups/{id}/members/{userId}",
  operationId: "removeGroupMember",
  summary: "Take a colleague out of a security group",
  permission: "groups.write",
  op: removeGroupMember,
  organizationField: "partnerId",
  fromPath: (p) => ({ groupId: p.id, userId: p.userId }),
  responses: { 200: { description: "The group", schema: groupSchema } },
  respond: async (call) => await groupsAnswer(call, call.params.id),
});

const activitySchema = z
  .object({
    id: z.number().int(),
    at: z.iso.datetime(),
    action: z.enum(AUDIT_ACTIONS),
    actor: z.object({ email: z.string().nullable(), key: z.string().nullable() }),
    customerId: z.string().nullable(),
    customerName: z.string().nullable(),
    targetType: z.string(),
    targetId: z.string(),
    details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).nullable(),
  })
  .meta({ id: "ActivityEntry" });

export const listActivityRoute = apiSpec<unknown>({
  method: "GET",
  path: "/activity",
  operationId: "listActivity",
  summary: "The organization's activity log, newest first",
  permission: "activity.read",
  query: {
    action: z.enum(AUDIT_ACTIONS).optional(),
    actor: z.string().optional().meta({ description: "The email address of who acted" }),
    customer: z.string().optional().meta({ description: "A customer's id" }),
    from: z.string().optional().meta({ description: "YYYY-MM-DD, inclusive" }),
    to: z.string().optional().meta({ description: "YYYY-MM-DD, inclusive" }),
    cursor: z.string().optional().meta({ description: "The `next` of the previous page" }),
    limit: z.string().optional().meta({ description: "Rows per page, 1 to 200 (50 by default)" }),
  },
  responses: {
    200: {
      description: "A page of entries",
      schema: z.object({ data: z.array(activitySchema), next: z.string().nullable() }).meta({ id: "ActivityPage" }),
    },
  },
  async handler(call) {
    const url = new URL(call.request.url);
    const params = Object.fromEntries(url.searchParams);
    const filters = parseActivityFilters({ ...params, before: params.cursor });
    const { rows, nextBefore } = await listActivity(
      call.ctx.db,
      await partnerMember(call),
      filters,
      pageLimit(url.searchParams.get("limit")),
    );
    return json({
      data: rows.map((r) => ({
        id: r.id,
        at: r.createdAt.toISOString(),
        action: r.action,
        actor: { email: r.actorEmail, key: r.actorKeyName },
        customerId: r.customerId,
        customerName: r.customerName,
        targetType: r.targetType,
        targetId: r.targetId,
        details: r.details,
      })),
      next: nextBefore === null ? null : String(nextBefore),
    });
  },
});
