import "server-only";
import { z } from "zod";
import { TERMS } from "@/db/values/subscriptions";
import { requireMember } from "@/lib/auth/membership";
import { getSoldSubscriptionOrThrow } from "@/lib/subscriptions/queries";
import { changeSeats, SUBSCRIPTION_STATE_CHANGES, subscriptionVersion } from "@/lib/subscriptions/changes";
import { createSubscription } from "@/lib/subscriptions/service";
import { subscriptionResource } from "../resources";
import { etagOf, operationRoute } from "../operation-route";
import { json, type ApiCall } from "../route";
import { apiSpec, type ApiRouteSpec } from "../spec";
import { subscriptionSchema } from "./schemas";

const subscriptionAnswer = async (call: ApiCall<unknown>, id: string, status = 200) => {
  const member = await requireMember(call.ctx.db, call.actor, call.organizationId, "partner");
  const s = await getSoldSubscriptionOrThrow(call.ctx.db, member, id);
  return json(subscriptionResource(s), status, {
    etag: etagOf(subscriptionVersion(s)),
    ...(status === 201 ? { location: `/api/v1/subscriptions/${id}` } : {}),
  });
};
const answer = { description: "The subscription", schema: subscriptionSchema };

export const getSubscriptionRoute = apiSpec<{ id: string }>({
  method: "GET",
  path: "/subscriptions/{id}",
  operationId: "getSubscription",
  summary: "A subscription you sold",
  permission: "subscriptions.read",
  responses: { 200: answer },
  handler: async (call) => await subscriptionAnswer(call, call.params.id),
});

export const createSubscriptionRoute = operationRoute<Record<string, string>, { id: string }>({
  method: "POST",
  path: "/subscriptions",
  operationId: "createSubscription",
  summary: "Sell a product of your customer's cloud's catalog to it",
  description: "You become its partner of record; the customer's admins are emailed.",
  permission: "subscriptions.write",
  op: createSubscription,
  organizationField: "partnerId",
  body: z.object({ customerId: z.string(), productId: z.string(), seats: z.number().int().min(1), term: z.enum(TERMS) }),
  responses: { 201: { description: "The subscription sold", schema: subscriptionSchema } },
  respond: async (call, s) => await subscriptionAnswer(call, s.id, 201),
});

export const changeSeatsRoute = operationRoute<{ id: string }, unknown>({
  method: "POST",
  path: "/subscriptions/{id}/seats",
  operationId: "changeSeats",
  summary: "Change a subscription's seats",
  description:
    "With If-Match and the ETag of the subscription you read, a change made since (seats, or its state) is refused (412) instead of overwritten.",
  versioned: true,
  permission: "subscriptions.write",
  op: changeSeats,
  organizationField: "organizationId",
  fromPath: (p) => ({ subscriptionId: p.id }),
  body: z.object({ seats: z.number().int().min(1) }),
  responses: { 200: answer },
  respond: async (call) => await subscriptionAnswer(call, call.params.id),
});

const stateChange = (event: keyof typeof SUBSCRIPTION_STATE_CHANGES, summary: string): ApiRouteSpec<{ id: string }> =>
  operationRoute<{ id: string }, unknown>({
    method: "POST",
    path: `/subscriptions/{id}/${event}`,
    operationId: `${event}Subscription`,
    summary,
    permission: "subscriptions.write",
    op: SUBSCRIPTION_STATE_CHANGES[event],
    organizationField: "organizationId",
    fromPath: (p) => ({ subscriptionId: p.id }),
    responses: { 200: answer },
    respond: async (call) => await subscriptionAnswer(call, call.params.id),
  });

export const suspendSubscriptionRoute = stateChange("suspend", "Suspend a subscription");
export const reactivateSubscriptionRoute = stateChange("reactivate", "Reactivate a suspended subscription");
export const cancelSubscriptionRoute = stateChange("cancel", "Cancel a subscription");
