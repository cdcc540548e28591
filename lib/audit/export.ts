import "server-only";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireMember } from "@/lib/auth/membership";
import { hasPermission, type Permission } from "@/lib/auth/permissions";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { isDomainError } from "@/lib/errors";
import type { OrganizationKind } from "@/db/values/organizations";
import { iterateActivity } from "./activity";
import { csvLine } from "./csv";
import { parseActivityFilters } from "./filters";

/**
 * The filtered activity log as CSV, streamed in batches so a million rows never sit in
 * memory. Checks the session and the permission itself, like every server entry point.
 */
export async function exportActivity(
  request: Request,
  organizationId: string,
  kind: OrganizationKind,
  permission: Permission,
): Promise<Response> {
  const url = new URL(request.url);
  const actor = await getActor();
  // Like a page: sign in, then back to the log this export came from.
  if (!actor) redirect(`/signin?redirectTo=${encodeURIComponent(url.pathname.replace(/\/export$/, ""))}`);
  const common = await getTranslations("common");
  const refuse = (status: number, text: string) => new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
  let member;
  try {
    member = await requireMember(db(), actor, organizationId, kind);
  } catch (error) {
    if (isDomainError(error, "NOT_FOUND")) return refuse(404, common("notFoundBody"));
    throw error;
  }
  if (!hasPermission(member.roles, permission)) return refuse(403, common("forbiddenBody", { org: member.organization.name }));

  const filters = parseActivityFilters(Object.fromEntries(url.searchParams));
  const t = await getTranslations("activity");
  const rows = iterateActivity(db(), member, { ...filters, before: undefined });
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(
        encoder.encode(
          csvLine([t("when"), t("who"), t("organization"), t("customer"), t("action"), t("targetType"), t("targetId"), t("details")]),
        ),
      );
    },
    async pull(controller) {
      // One batch per pull keeps memory flat and lets the client's pace drive the query.
      let lines = "";
      for (let i = 0; i < 500; i++) {
        const next = await rows.next();
        if (next.done) {
          if (lines) controller.enqueue(encoder.encode(lines));
          controller.close();
          return;
        }
        const r = next.value;
        lines += csvLine([
          r.createdAt.toISOString(),
          r.actorEmail ?? "",
          r.organizationName ?? r.organizationId,
          r.customerName ?? "",
          r.action,
          r.targetType,
          r.targetId,
          r.details ? JSON.stringify(r.details) : "",
        ]);
      }
      controller.enqueue(encoder.encode(lines));
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="activity-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
}
