import "server-only";
import { and, desc, eq, lt, or } from "drizzle-orm";
import { z } from "zod";
import { firstRow } from "@/db/query";
import { invitations } from "@/db/schema";
import type { Db } from "@/db/client";
import { ensurePermitted, requireMember, type Member } from "@/lib/auth/membership";
import { DomainError } from "@/lib/errors";
import { LOCALES } from "@/lib/i18n/locales";
import { execute } from "@/lib/operations/execute";
import { INVITATION_STATUSES } from "@/lib/invitations/status";
import { invitationResource } from "../resources";
import { statusFilter } from "@/lib/invitations/queries";
import { createInvitation, resendInvitation, revokeInvitation } from "@/lib/invitations/service";
import { inviteCustomerSchema } from "@/lib/invitations/schemas";
import { json, readBody, type ApiCall } from "../route";
import { apiSpec } from "../spec";
import { cursorQuery, invitationPageSchema, invitationSchema } from "./schemas";
import { decodeCursor, encodeCursor, pageLimit } from "./paging";

type Row = typeof invitations.$inferSelect;

/** What a script sends to invite a customer; the same rules as the page's form, which it is checked with. */
export const createInvitationBody = z.object({
  email: z.string(),
  locale: z.enum(LOCALES),
  message: z.string().optional(),
  providerId: z.string().optional(),
  adminRequest: z
    .object({ name: z.string(), durationDays: z.number().int(), roles: z.array(z.string()), autoExtend: z.boolean().optional() })
    .optional(),
});

const partnerMember = async (call: ApiCall<unknown>): Promise<Member> =>
  await requireMember(call.ctx.db, call.actor, call.organizationId, "partner");

async function ownInvitation(db: Db, member: Member, id: string): Promise<Row> {
  ensurePermitted(member, "invitations.read");
  const row = await firstRow(
    db
      .select()
      .from(invitations)
      .where(and(eq(invitations.id, id), eq(invitations.partnerId, member.organization.id))),
  );
  if (!row) throw new DomainError("NOT_FOUND");
  return row;
}

/** The form-shaped input the operation's own schema reads, from the JSON body: one set of rules for both. */
function asForm(partnerId: string, body: z.output<typeof createInvitationBody>) {
  const admin = body.adminRequest;
  return {
    partnerId,
    email: body.email,
    locale: body.locale,
    message: body.message,
    providerId: body.providerId,
    ...(admin
      ? {
          includeAdmin: "on",
          name: admin.name,
          durationDays: String(admin.durationDays),
          roles: admin.roles,
          autoExtend: admin.autoExtend ? "on" : undefined,
        }
      : {}),
  };
}

async function postInvitation(call: ApiCall<unknown>): Promise<Response> {
  const body = await readBody(call.request, createInvitationBody);
  const parsed = inviteCustomerSchema.safeParse(asForm(call.organizationId, body));
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.map(String).join(".") || "body"] ??= []).push(issue.message);
    throw new DomainError("VALIDATION", {}, fieldErrors);
  }
  const { invitation } = await execute(createInvitation, call.ctx, call.actor, parsed.data);
  const row = await ownInvitation(call.ctx.db, await partnerMember(call), invitation.id);
  return json(invitationResource(row, call.ctx.now()), 201, { location: `/api/v1/invitations/${row.id}` });
}

async function getInvitation(call: ApiCall<{ id: string }>): Promise<Response> {
  const row = await ownInvitation(call.ctx.db, await partnerMember(call), call.params.id);
  return json(invitationResource(row, call.ctx.now()));
}

async function listInvitations(call: ApiCall<unknown>): Promise<Response> {
  const member = await partnerMember(call);
  ensurePermitted(member, "invitations.read");
  const url = new URL(call.request.url);
  const limit = pageLimit(url.searchParams.get("limit"));
  const after = decodeCursor(url.searchParams.get("cursor"));
  const rawStatus = url.searchParams.get("status");
  const status = INVITATION_STATUSES.find((s) => s === rawStatus);
  if (rawStatus && !status) throw new DomainError("VALIDATION", {}, { status: ["invalid"] });
  const now = call.ctx.now();
  const rows = await call.ctx.db
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.partnerId, member.organization.id),
        statusFilter(status, now),
        after ? or(lt(invitations.createdAt, after.at), and(eq(invitations.createdAt, after.at), lt(invitations.id, after.id))) : undefined,
      ),
    )
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const data = page.map((r) => invitationResource(r, now));
  return json({ data, next: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null });
}

async function postInvitationResend(call: ApiCall<{ id: string }>): Promise<Response> {
  await execute(resendInvitation, call.ctx, call.actor, { partnerId: call.organizationId, invitationId: call.params.id });
  return await getInvitation(call);
}

async function postInvitationRevoke(call: ApiCall<{ id: string }>): Promise<Response> {
  await execute(revokeInvitation, call.ctx, call.actor, { partnerId: call.organizationId, invitationId: call.params.id });
  return await getInvitation(call);
}

const invitationAnswer = { description: "The invitation", schema: invitationSchema };

export const listInvitationsRoute = apiSpec<unknown>({
  method: "GET",
  path: "/invitations",
  operationId: "listInvitations",
  summary: "The organization's invitations, newest first",
  permission: "invitations.read",
  query: { ...cursorQuery, status: z.enum(INVITATION_STATUSES).optional().meta({ description: "Only invitations in this status" }) },
  responses: { 200: { description: "A page of invitations", schema: invitationPageSchema } },
  handler: listInvitations,
});

export const createInvitationRoute = apiSpec<unknown>({
  method: "POST",
  path: "/invitations",
  operationId: "createInvitation",
  summary: "Invite a customer",
  description: "Checked by the same rules as the page's form; the invitation's email leaves after commit.",
  permission: "invitations.write",
  body: createInvitationBody,
  responses: { 201: { description: "The invitation made", schema: invitationSchema } },
  handler: postInvitation,
});

export const getInvitationRoute = apiSpec<{ id: string }>({
  method: "GET",
  path: "/invitations/{id}",
  operationId: "getInvitation",
  summary: "One invitation",
  permission: "invitations.read",
  responses: { 200: invitationAnswer },
  handler: getInvitation,
});

export const resendInvitationRoute = apiSpec<{ id: string }>({
  method: "POST",
  path: "/invitations/{id}/resend",
  operationId: "resendInvitation",
  summary: "Send an invitation again, with a fresh link",
  permission: "invitations.write",
  responses: { 200: invitationAnswer },
  handler: postInvitationResend,
});

export const revokeInvitationRoute = apiSpec<{ id: string }>({
  method: "POST",
  path: "/invitations/{id}/revoke",
  operationId: "revokeInvitation",
  summary: "Withdraw an invitation",
  permission: "invitations.write",
  responses: { 200: invitationAnswer },
  handler: postInvitationRevoke,
});
