import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { changedRows } from "@/db/query";
import { apiKeys } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { memberMay } from "@/lib/auth/membership";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { defineOperation } from "@/lib/operations/define";
import { apiKeyRefSchema, createApiKeySchema, type CreateApiKeyInput } from "./schemas";
import { newKeySecret } from "./secret";

const DAY = 86_400_000;

/**
 * An Account admin makes a key for the organization: a name, a lifetime of at most a year,
 * and scopes among the permissions they hold themselves (nobody gives a key what they could
 * not do). The secret is returned once and only its hash is kept.
 */
export const createApiKey = defineOperation({
  name: "api_key.create",
  input: createApiKeySchema,
  authorize: { organization: (input: CreateApiKeyInput) => input.organizationId, permission: "api_keys.manage", standing: true },
  async run(ctx, input: CreateApiKeyInput, member) {
    const { tx, actor } = ctx;
    if (input.scopes.some((scope) => !memberMay(member, scope))) throw new DomainError("CANNOT_GRANT", {}, { scopes: ["cannotGrant"] });
    const now = ctx.now();
    const { secret, hash, prefix } = newKeySecret();
    const key = {
      id: newId("key"),
      organizationId: member.organization.id,
      name: input.name,
      prefix,
      secretHash: hash,
      scopes: input.scopes,
      createdByUserId: actor.userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + input.expiresInDays * DAY),
    };
    await tx.insert(apiKeys).values(key);
    await recordAudit(tx, {
      organizationId: member.organization.id,
      actor,
      action: "api_key.created",
      targetType: "api_key",
      targetId: key.id,
      details: { name: key.name, count: key.scopes.length },
      at: now,
    });
    return { id: key.id, name: key.name, prefix, expiresAt: key.expiresAt, secret };
  },
});

/** Revokes a key at once: its next request is refused. */
export const revokeApiKey = defineOperation({
  name: "api_key.revoke",
  input: apiKeyRefSchema,
  authorize: { organization: (ref) => ref.organizationId, permission: "api_keys.manage" },
  async run(ctx, ref, member) {
    const { tx, actor } = ctx;
    const now = ctx.now();
    const [key] = await tx
      .select({ id: apiKeys.id, name: apiKeys.name })
      .from(apiKeys)
      .where(and(eq(apiKeys.id, ref.keyId), eq(apiKeys.organizationId, member.organization.id)));
    if (!key) throw new DomainError("NOT_FOUND");
    const changed = changedRows(
      await tx
        .update(apiKeys)
        .set({ revokedAt: now, revokedByUserId: actor.userId })
        .where(and(eq(apiKeys.id, key.id), isNull(apiKeys.revokedAt))),
    );
    if (changed !== 1) throw new DomainError("KEY_REVOKED");
    await recordAudit(tx, {
      organizationId: member.organization.id,
      actor,
      action: "api_key.revoked",
      targetType: "api_key",
      targetId: key.id,
      details: { name: key.name },
      at: now,
    });
    return { name: key.name };
  },
});

/** When and from where a key was last used: written at most once a minute a key, so a busy script costs no write a request. */
export const noteKeyUse = defineOperation({
  name: "api_key.note_use",
  input: z.object({ keyId: z.string(), ip: z.string() }),
  authorize: { system: true },
  async run(ctx, { keyId, ip }) {
    await ctx.tx
      .update(apiKeys)
      .set({ lastUsedAt: ctx.now(), lastUsedIp: ip.slice(0, 64) })
      .where(eq(apiKeys.id, keyId));
  },
});
