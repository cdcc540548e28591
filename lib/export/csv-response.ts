import "server-only";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireMember, type Member } from "@/lib/auth/membership";
import { hasPermission, type Permission } from "@/lib/auth/permissions";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { isDomainError } from "@/lib/errors";
import type { OrganizationKind } from "@/db/values/organizations";
import { csvLine, type Cell } from "./csv";

type CsvExport = {
  organizationId: string;
  kind: OrganizationKind;
  permission: Permission;
  /** The file's name before its date: `activity` gives activity-2026-12-04.csv. */
  name: string;
  /** The header row and the rows, for the member the request is from (each read checks its own permission too). */
  table: (member: Member) => Promise<{ header: string[]; rows: AsyncIterable<Cell[]> }>;
};

/**
 * A download of a list as CSV, answering like a page: sign in first (then back to the list),
 * another tenant's id is "not found" and a missing permission is refused, both in the
 * person's language. Streamed in batches of 500 lines, so a million rows never sit in memory.
 */
export async function csvExport(request: Request, e: CsvExport): Promise<Response> {
  const url = new URL(request.url);
  const actor = await getActor();
  if (!actor) redirect(`/signin?redirectTo=${encodeURIComponent(url.pathname.replace(/\/export$/, ""))}`);
  const common = await getTranslations("common");
  const refuse = (status: number, text: string) => new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
  let member;
  try {
    member = await requireMember(db(), actor, e.organizationId, e.kind);
  } catch (error) {
    if (isDomainError(error, "NOT_FOUND")) return refuse(404, common("notFoundBody"));
    throw error;
  }
  if (!hasPermission(member.roles, e.permission)) return refuse(403, common("forbiddenBody", { org: member.organization.name }));

  const { header, rows } = await e.table(member);
  const lines = rows[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvLine(header)));
    },
    async pull(controller) {
      // One batch per pull keeps memory flat and lets the client's pace drive the query.
      let text = "";
      for (let i = 0; i < 500; i++) {
        const next = await lines.next();
        if (next.done) {
          if (text) controller.enqueue(encoder.encode(text));
          controller.close();
          return;
        }
        text += csvLine(next.value);
      }
      controller.enqueue(encoder.encode(text));
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${e.name}-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
}
