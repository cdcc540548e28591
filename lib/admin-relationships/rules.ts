import { firstRow } from "@/db/query";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { adminRelationships, invitations } from "@/db/schema";
import { CLOUD_RULES } from "@/lib/clouds";
import { DomainError } from "@/lib/errors";
import type { Cloud } from "@/db/values/organizations";
import { GLOBAL_ADMINISTRATOR } from "@/db/values/directory-roles";
import type { AdminRequest } from "@/db/values/admin-relationships";

export function nameKey(name: string): string {
  return name.normalize("NFKC").trim().toLowerCase();
}

/**
 * The rules every request for admin roles must meet, whether sent alone or with a reseller
 * invitation: the cloud offers them, Global Administrator never auto-extends, and the name
 * is not used by another relationship or open invitation of the partner.
 */
export async function checkAdminRequest(db: Db, partnerId: string, cloud: Cloud, request: AdminRequest): Promise<void> {
  if (!CLOUD_RULES[cloud].adminRelationships) throw new DomainError("ADMIN_RELATIONSHIPS_UNAVAILABLE");
  if (request.autoExtend && request.roles.includes(GLOBAL_ADMINISTRATOR)) {
    throw new DomainError("AUTO_EXTEND_GLOBAL_ADMIN", {}, { autoExtend: ["autoExtendGlobalAdmin"] });
  }
  const key = nameKey(request.name);
  const taken = await firstRow(
    db
      .select({ id: adminRelationships.id })
      .from(adminRelationships)
      .where(and(eq(adminRelationships.partnerId, partnerId), eq(adminRelationships.nameKey, key))),
  );
  const reserved = (
    await db
      .select({ request: invitations.adminRequest })
      .from(invitations)
      .where(and(eq(invitations.partnerId, partnerId), inArray(invitations.state, ["sent", "opened"]), isNotNull(invitations.adminRequest)))
  ).some((i) => i.request && nameKey(i.request.name) === key);
  if (taken || reserved) throw new DomainError("NAME_TAKEN", {}, { name: ["nameTaken"] });
}
