import { z } from "zod";
import { PARTNER_PERMISSIONS, type PartnerPermission } from "@/lib/auth/permissions";
import { idField } from "@/lib/validation/fields";

/** What a key may be given: every partner permission but managing keys (a key never makes or revokes keys). */
export const KEY_SCOPES = (Object.keys(PARTNER_PERMISSIONS) as PartnerPermission[]).filter((p) => p !== "api_keys.manage");
export const KEY_LIFETIMES_DAYS = [30, 90, 180, 365] as const;
export const MAX_KEY_DAYS = 365;

export const createApiKeySchema = z.object({
  organizationId: idField,
  name: z.string({ error: "required" }).trim().min(1, "required").max(80, "nameMax80"),
  expiresInDays: z.coerce.number({ error: "keyLifetime" }).int("keyLifetime").min(1, "keyLifetime").max(MAX_KEY_DAYS, "keyLifetime"),
  // A form sends one value per ticked box; none ticked means the key is absent.
  scopes: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.enum(KEY_SCOPES as [PartnerPermission, ...PartnerPermission[]], { error: "invalid" }))
      .min(1, "scopesRequired")
      .max(KEY_SCOPES.length, "invalid")
      .transform((scopes) => [...new Set(scopes)]),
  ),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

export const apiKeyRefSchema = z.object({ organizationId: idField, keyId: idField });
