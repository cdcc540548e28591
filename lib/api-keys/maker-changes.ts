import { and, eq, gt, isNull } from "drizzle-orm";
import { apiKeys, users } from "@/db/schema";
import type { Tx } from "@/db/transaction";
import type { MemberRole } from "@/db/values/roles";
import { hasPermission, type Permission } from "@/lib/auth/permissions";
import { membersWith } from "@/lib/auth/recipients";
import type { ServiceContext } from "@/lib/context";
import { enqueueNotices } from "@/lib/email/notices";
import { translatorFor } from "@/lib/i18n/translator";

/**
 * A key acts with at most what its maker holds at the moment, so a change of the maker's roles
 * or their leaving silently weakens or stops their keys. Whoever manages the organization's keys
 * is told, in the transaction of the change, which keys lost what (the API page says so too).
 * `rolesNow` is null when the maker left.
 */
export async function tellKeyAdminsOfMakerChange(
  ctx: ServiceContext & { tx: Tx },
  organizationId: string,
  makerId: string,
  rolesNow: readonly MemberRole[] | null,
): Promise<void> {
  const { tx } = ctx;
  const now = ctx.now();
  const keys = await tx
    .select({ id: apiKeys.id, name: apiKeys.name, scopes: apiKeys.scopes, maker: users.email })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.createdByUserId))
    .where(
      and(
        eq(apiKeys.organizationId, organizationId),
        eq(apiKeys.createdByUserId, makerId),
        isNull(apiKeys.revokedAt),
        gt(apiKeys.expiresAt, now),
      ),
    );
  const weakened = keys
    .map((k) => ({ ...k, lost: rolesNow ? (k.scopes as Permission[]).filter((s) => !hasPermission([...rolesNow], s)) : [] }))
    .filter((k) => rolesNow === null || k.lost.length > 0);
  if (weakened.length === 0) return;
  const admins = await membersWith(tx, [organizationId], "api_keys.manage");
  for (const key of weakened) {
    await enqueueNotices(tx, admins, {
      kind: rolesNow ? "apiKeyWeakened" : "apiKeyMakerLeft",
      outboxKind: "api_key_weakened",
      key: `api-key-${rolesNow ? "weakened" : "maker-left"}.${key.id}.${now.getTime()}`,
      // Each admin reads the lost permissions by their names, in their own language.
      vars: (to) => {
        const label = translatorFor(to.locale).t as unknown as (k: string) => string;
        return { key: key.name, email: key.maker, scopes: key.lost.map((p) => label(`permissions.${p}`)).join(", ") };
      },
      url: `${ctx.config.publicBaseUrl}/partner/${organizationId}/api`,
      relatedId: key.id,
      now,
    });
  }
}
