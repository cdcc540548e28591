import "server-only";
import { requireMember, memberMay } from "@/lib/auth/membership";
import type { Permission } from "@/lib/auth/permissions";
import { json, type ApiCall } from "../route";
import { apiSpec } from "../spec";
import { meSchema } from "./schemas";

/** What this key is and may do now: its scopes, narrowed to what its maker holds at this moment. */
async function getMe(call: ApiCall<unknown>): Promise<Response> {
  const key = call.actor.key!;
  const member = await requireMember(call.ctx.db, call.actor, call.organizationId, "partner");
  const scopes = key.scopes as Permission[];
  return json({
    key: { id: key.id, name: key.name, scopes },
    organization: {
      id: member.organization.id,
      name: member.organization.name,
      kind: member.organization.kind,
      state: member.organization.partnerState,
    },
    madeBy: call.actor.email,
    permissions: scopes.filter((p) => memberMay(member, p)),
  });
}

export const meRoute = apiSpec<unknown>({
  method: "GET",
  path: "/me",
  operationId: "getMe",
  summary: "This key: its organization, its scopes, and what it may do now",
  permission: null,
  responses: { 200: { description: "The key", schema: meSchema } },
  handler: getMe,
});
