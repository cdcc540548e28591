import "server-only";
import { getTranslations } from "next-intl/server";
import type { Permission } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { csvExport } from "@/lib/export/csv-response";
import type { OrganizationKind } from "@/db/values/organizations";
import { iterateActivity } from "./activity";
import { parseActivityFilters } from "./filters";

/** The filtered activity log as CSV (lib/export/csv-response.ts checks the session and the permission). */
export async function exportActivity(request: Request, organizationId: string, kind: OrganizationKind, permission: Permission) {
  const filters = parseActivityFilters(Object.fromEntries(new URL(request.url).searchParams));
  return csvExport(request, {
    organizationId,
    kind,
    permission,
    name: "activity",
    table: async (member) => {
      const t = await getTranslations("activity");
      return {
        header: [t("when"), t("who"), t("organization"), t("customer"), t("action"), t("targetType"), t("targetId"), t("details")],
        rows: (async function* () {
          for await (const r of iterateActivity(db(), member, { ...filters, before: undefined }))
            yield [
              r.createdAt.toISOString(),
              r.actorKeyName ? t("byKey", { key: r.actorKeyName, email: r.actorEmail ?? "" }) : (r.actorEmail ?? ""),
              r.organizationName ?? r.organizationId,
              r.customerName ?? "",
              r.action,
              r.targetType,
              r.targetId,
              r.details ? JSON.stringify(r.details) : "",
            ];
        })(),
      };
    },
  });
}
