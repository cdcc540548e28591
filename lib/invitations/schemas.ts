import { z } from "zod";
import { isCountryCode } from "@/lib/countries";
import { LOCALES } from "@/lib/i18n/locales";

// Messages are catalog keys under `validation.`; the action runner translates them.
const id = z.string({ error: "required" }).trim().min(1, "required").max(64, "invalid");

export const inviteCustomerSchema = z.object({
  partnerId: id,
  email: z.string({ error: "required" }).trim().min(1, "required").max(254, "emailTooLong").pipe(z.email({ error: "emailInvalid" })),
  message: z
    .string()
    .trim()
    .max(1000, "messageTooLong")
    .optional()
    .transform((v) => (v ? v : null)),
  locale: z.enum(LOCALES, { error: "invalid" }),
});
export type InviteCustomerInput = z.infer<typeof inviteCustomerSchema>;

export const invitationRefSchema = z.object({ partnerId: id, invitationId: id });
export type InvitationRef = z.infer<typeof invitationRefSchema>;

const token = z.string({ error: "required" }).min(1, "required").max(100, "invalid");

const domain = z
  .string({ error: "required" })
  .trim()
  .toLowerCase()
  .min(1, "required")
  .max(253, "domainInvalid")
  .regex(/^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/, "domainInvalid");

const agreement = z.literal("on", { error: "agreementRequired" });

export const acceptInvitationSchema = z.discriminatedUnion(
  "target",
  [
    z.object({ token, target: z.literal("existing"), customerId: id, agreement }),
    z.object({
      token,
      target: z.literal("new"),
      name: z.string({ error: "required" }).trim().min(2, "nameTooShort").max(120, "nameTooLong"),
      primaryDomain: domain,
      country: z.string({ error: "required" }).refine(isCountryCode, "countryInvalid"),
      agreement,
    }),
  ],
  { error: "chooseOrganization" },
);
export type AcceptInvitationInput = z.infer<typeof acceptInvitationSchema>;

export const declineInvitationSchema = z.object({ token });
