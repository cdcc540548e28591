import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, users } from "@/db/schema";
import type { Tx } from "@/db/transaction";
import { hasPermission, type Permission } from "./permissions";

export type Recipient = { organizationId: string; email: string; locale: string };

/** The people of these organizations who hold the permission: who is told when something happens to them. */
export async function membersWith(tx: Tx | Db, organizationIds: string[], permission: Permission): Promise<Recipient[]> {
  if (organizationIds.length === 0) return [];
  return (
    await tx
      .select({ organizationId: memberships.organizationId, roles: memberships.roles, email: users.email, locale: users.locale })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(inArray(memberships.organizationId, organizationIds))
  )
    .filter((m) => hasPermission(m.roles, permission))
    .map((m) => ({ organizationId: m.organizationId, email: m.email, locale: m.locale ?? "en" }));
}
