import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiKeys, memberships, users } from "@/db/schema";
import { ensurePermitted, type Member } from "@/lib/auth/membership";
import { hasPermission, type Permission } from "@/lib/auth/permissions";

export type ApiKeyStatus = "active" | "expired" | "revoked";

/**
 * The organization's keys, newest first, as the API page shows them: never the secret. Each
 * says which of its scopes its maker no longer holds (the key cannot use them until they do
 * again), or that its maker has left (it no longer works).
 */
export async function listApiKeys(db: Db, member: Member, now: Date) {
  ensurePermitted(member, "api_keys.manage");
  const rows = await db
    .select({ key: apiKeys, createdBy: users.email, makerRoles: memberships.roles })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.createdByUserId))
    .leftJoin(memberships, and(eq(memberships.userId, apiKeys.createdByUserId), eq(memberships.organizationId, apiKeys.organizationId)))
    .where(eq(apiKeys.organizationId, member.organization.id))
    .orderBy(desc(apiKeys.createdAt));
  return rows.map(({ key, createdBy, makerRoles }) => {
    const scopes = key.scopes as Permission[];
    const status: ApiKeyStatus = key.revokedAt ? "revoked" : key.expiresAt <= now ? "expired" : "active";
    return {
      id: key.id,
      name: key.name,
      prefix: key.prefix,
      scopes,
      createdBy,
      createdAt: key.createdAt,
      expiresAt: key.expiresAt,
      lastUsedAt: key.lastUsedAt,
      lastUsedIp: key.lastUsedIp,
      status,
      makerLeft: !makerRoles,
      lostScopes: makerRoles ? scopes.filter((s) => !hasPermission(makerRoles, s)) : [],
    };
  });
}
