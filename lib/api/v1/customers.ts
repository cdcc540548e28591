import "server-only";
import { z } from "zod";
import { CLOUDS } from "@/db/values/organizations";
import { ADMIN_RELATIONSHIP_STATES } from "@/db/values/admin-relationships";
import { RESELLER_RELATIONSHIP_STATES } from "@/db/values/relationships";
import { PURCHASE_CHANNELS, SUBSCRIPTION_STATES } from "@/db/values/subscriptions";
import { listPartnerAdminRelationships } from "@/lib/admin-relationships/queries";
import { memberMay, requireMember, type Member } from "@/lib/auth/membership";
import { listSubscriptionsOf } from "@/lib/customers/queries";
import { DomainError } from "@/lib/errors";
import { customersAfter } from "@/lib/partners/customer-keyset";
import { CUSTOMER_SORTS, getPartnerCustomerOrThrow } from "@/lib/partners/queries";
import { json, type ApiCall } from "../route";
import { apiSpec } from "../spec";
import { decodeKey, encodeKey, pageLimit } from "./paging";
import { cursorQuery } from "./schemas";

const instant = z.iso.datetime();
const iso = (d: Date | null) => d?.toISOString() ?? null;

export const customerSummarySchema = z
  .object({
    id: z.string(),
    name: z.string().meta({ description: "As the relationship knows it: its name when the relationship ended, for an ended one" }),
    primaryDomain: z.string(),
    country: z.string(),
    cloud: z.enum(CLOUDS),
    relationship: z.object({ id: z.string(), state: z.enum(RESELLER_RELATIONSHIP_STATES), since: instant }),
  })
  .meta({ id: "CustomerSummary" });

export const customerPageSchema = z
  .object({ data: z.array(customerSummarySchema), next: z.string().nullable() })
  .meta({ id: "CustomerPage" });

export const customerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    primaryDomain: z.string(),
    country: z.string(),
    cloud: z.enum(CLOUDS),
    relationship: z.object({
      id: z.string(),
      state: z.enum(RESELLER_RELATIONSHIP_STATES),
      since: instant,
      providerId: z.string().nullable(),
      resellerId: z.string().nullable(),
    }),
    otherPartnerCount: z
      .number()
      .int()
      .meta({ description: "How many other partners the customer works with now (0 once the relationship ended)" }),
    adminRelationships: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        roles: z.array(z.string()),
        durationDays: z.number().int(),
        autoExtend: z.boolean(),
        state: z.enum(ADMIN_RELATIONSHIP_STATES),
        requestedAt: instant.nullable(),
        activatedAt: instant.nullable(),
        endsAt: instant.nullable(),
      }),
    ),
    subscriptions: z
      .array(
        z.object({
          id: z.string(),
          product: z.string(),
          seats: z.number().int(),
          state: z.enum(SUBSCRIPTION_STATES),
          purchaseChannel: z.enum(PURCHASE_CHANNELS),
          termEndsAt: instant.nullable(),
          partnerOfRecordId: z.string().nullable(),
        }),
      )
      .meta({ description: "Only with subscriptions.read, and only while the relationship is active" }),
  })
  .meta({ id: "Customer" });

const partnerMember = async (call: ApiCall<unknown>): Promise<Member> =>
  await requireMember(call.ctx.db, call.actor, call.organizationId, "partner");

async function listCustomers(call: ApiCall<unknown>): Promise<Response> {
  const url = new URL(call.request.url);
  const rawSort = url.searchParams.get("sort") ?? "newest";
  const sort = CUSTOMER_SORTS.find((s) => s === rawSort);
  if (!sort) throw new DomainError("VALIDATION", {}, { sort: ["invalid"] });
  const { rows, next } = await customersAfter(call.ctx.db, await partnerMember(call), {
    sort,
    q: url.searchParams.get("q")?.slice(0, 200) ?? undefined,
    after: decodeKey(url.searchParams.get("cursor")),
    limit: pageLimit(url.searchParams.get("limit")),
  });
  return json({
    data: rows.map((r) => ({
      id: r.id,
      name: r.name,
      primaryDomain: r.primaryDomain,
      country: r.country,
      cloud: r.cloud,
      relationship: { id: r.relationshipId, state: r.state, since: r.since.toISOString() },
    })),
    next: next && encodeKey(next),
  });
}

async function getCustomer(call: ApiCall<{ id: string }>): Promise<Response> {
  const member = await partnerMember(call);
  const { customer, relationship, otherPartnerCount } = await getPartnerCustomerOrThrow(call.ctx.db, member, call.params.id);
  const current = relationship.state === "active";
  const admin = await listPartnerAdminRelationships(call.ctx.db, member, customer.id);
  const subscriptions = current && memberMay(member, "subscriptions.read") ? await listSubscriptionsOf(call.ctx.db, customer.id) : [];
  return json({
    ...customer,
    relationship: { ...relationship, since: relationship.since.toISOString() },
    otherPartnerCount,
    adminRelationships: admin.map((r) => ({
      id: r.id,
      name: r.name,
      roles: r.roles,
      durationDays: r.durationDays,
      autoExtend: r.autoExtend,
      state: r.state,
      requestedAt: iso(r.requestedAt),
      activatedAt: iso(r.activatedAt),
      endsAt: iso(r.endsAt),
    })),
    subscriptions: subscriptions.map((s) => ({
      id: s.id,
      product: s.product,
      seats: s.seats,
      state: s.state,
      purchaseChannel: s.purchaseChannel,
      termEndsAt: iso(s.termEndsAt),
      partnerOfRecordId: s.partnerOfRecordId,
    })),
  });
}

export const listCustomersRoute = apiSpec<unknown>({
  method: "GET",
  path: "/customers",
  operationId: "listCustomers",
  summary: "The organization's customers, by keyset pages",
  permission: "customers.read",
  query: {
    ...cursorQuery,
    q: z.string().optional().meta({ description: "Part of the customer's name or domain" }),
    sort: z.enum(CUSTOMER_SORTS).optional().meta({ description: "newest (the default), oldest, name or name_desc" }),
  },
  responses: { 200: { description: "A page of customers", schema: customerPageSchema } },
  handler: listCustomers,
});

export const getCustomerRoute = apiSpec<{ id: string }>({
  method: "GET",
  path: "/customers/{id}",
  operationId: "getCustomer",
  summary: "One customer, with its relationship, its admin relationships with you and its subscriptions",
  permission: "customers.read",
  responses: { 200: { description: "The customer", schema: customerSchema } },
  handler: getCustomer,
});
