import { z } from "zod";
import { idField } from "@/lib/validation/fields";

export const partnerStandingSchema = z.object({
  partnerId: idField,
  reason: z.string({ error: "reasonRequired" }).trim().min(5, "reasonRequired").max(1000, "messageTooLong"),
});
export type PartnerStandingInput = z.infer<typeof partnerStandingSchema>;

/** Offboarding cannot be undone: the operator types the partner's name to confirm. */
export const offboardPartnerSchema = partnerStandingSchema.extend({
  confirmName: z.string({ error: "required" }).trim().min(1, "required").max(200, "invalid"),
});
export type OffboardPartnerInput = z.infer<typeof offboardPartnerSchema>;
