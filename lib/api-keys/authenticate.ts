import { and, eq } from "drizzle-orm";
import { firstRow } from "@/db/query";
import { apiKeys, memberships, organizations, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/membership";
import type { Permission } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import type { ErrorCode } from "@/lib/errors";
import { execute } from "@/lib/operations/execute";
import { noteKeyUse } from "./operations";
import { hashKeySecret, isWellFormedKey } from "./secret";

/** How often a key's last use is written: at most once a minute, so a busy script costs no write a request. */
const NOTE_EVERY_MS = 60_000;

export type KeyAuthentication = { ok: true; actor: Actor; locale: string | null } | { ok: false; code: ErrorCode };

/**
 * The principal an `Authorization: Bearer prc_…` header names, resolved on every request:
 * a key that is well formed, known, not revoked, not expired, of an organization that was
 * not offboarded, and whose maker is still a member. It acts as its maker (their membership
 * row, read again by each operation) narrowed to its organization and scopes. A suspended
 * partner's key still authenticates; every operation that reaches out refuses it.
 */
export async function authenticateKey(ctx: ServiceContext, authorization: string | null): Promise<KeyAuthentication> {
  const secret = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1];
  if (!secret) return { ok: false, code: "UNAUTHENTICATED" };
  if (!isWellFormedKey(secret)) return { ok: false, code: "KEY_INVALID" };
  const row = await firstRow(
    ctx.db
      .select({
        key: apiKeys,
        email: users.email,
        locale: users.locale,
        partnerState: organizations.partnerState,
        roles: memberships.roles,
      })
      .from(apiKeys)
      .innerJoin(users, eq(users.id, apiKeys.createdByUserId))
      .innerJoin(organizations, eq(organizations.id, apiKeys.organizationId))
      .leftJoin(memberships, and(eq(memberships.userId, apiKeys.createdByUserId), eq(memberships.organizationId, apiKeys.organizationId)))
      .where(eq(apiKeys.secretHash, hashKeySecret(secret))),
  );
  if (!row) return { ok: false, code: "KEY_INVALID" };
  const now = ctx.now();
  if (row.key.revokedAt) return { ok: false, code: "KEY_REVOKED" };
  if (row.key.expiresAt <= now) return { ok: false, code: "KEY_EXPIRED" };
  if (row.partnerState === "offboarded") return { ok: false, code: "PARTNER_OFFBOARDED" };
  if (!row.roles) return { ok: false, code: "KEY_MAKER_LEFT" };
  if (!row.key.lastUsedAt || now.getTime() - row.key.lastUsedAt.getTime() >= NOTE_EVERY_MS) {
    await execute(noteKeyUse, ctx, "system", { keyId: row.key.id, ip: ctx.clientIp ?? "unknown" });
  }
  const key = { id: row.key.id, name: row.key.name, organizationId: row.key.organizationId, scopes: row.key.scopes as Permission[] };
  return { ok: true, actor: { userId: row.key.createdByUserId, email: row.email, key }, locale: row.locale };
}
