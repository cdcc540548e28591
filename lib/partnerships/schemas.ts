import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";

// Messages are catalog keys under `validation.`; the action runner translates them.
const id = z.string({ error: "required" }).trim().min(1, "required").max(64, "invalid");

export const invitePartnershipSchema = z.object({
  providerId: id,
  email: z
    .string({ error: "required" })
    .trim()
    .min(1, "required")
    .max(254, "emailTooLong")
    .pipe(z.email({ error: "emailInvalid" })),
  resellerPartnerId: z.string({ error: "required" }).trim().min(1, "required").max(64, "invalid"),
  locale: z.enum(LOCALES, { error: "invalid" }),
});
export type InvitePartnershipInput = z.infer<typeof invitePartnershipSchema>;

/** Either side of a partnership acting on it: `organizationId` is the actor's own organization. */
export const partnershipRefSchema = z.object({ organizationId: id, partnershipId: id });
export type PartnershipRef = z.infer<typeof partnershipRefSchema>;

export const partnershipTokenSchema = z.object({ token: z.string({ error: "required" }).min(1, "required").max(100, "invalid") });
