import { z } from "zod";
import { agreementField, countryField, domainField, organizationNameField } from "@/lib/validation/fields";
import { adminRequestSchema } from "@/lib/admin-relationships/schemas";
import type { AdminRequest } from "@/db/values/admin-relationships";
import { LOCALES } from "@/lib/i18n/locales";

// Messages are catalog keys under `validation.`; the action runner translates them.
const id = z.string({ error: "required" }).trim().min(1, "required").max(64, "invalid");

/**
 * A reseller invitation, optionally with admin roles riding along ("include admin roles"):
 * their fields are checked only when that box is ticked.
 */
export const inviteCustomerSchema = z
  .object({
    partnerId: id,
    email: z
      .string({ error: "required" })
      .trim()
      .min(1, "required")
      .max(254, "emailTooLong")
      .pipe(z.email({ error: "emailInvalid" })),
    message: z
      .string()
      .trim()
      .max(1000, "messageTooLong")
      .optional()
      .transform((v) => (v ? v : null)),
    locale: z.enum(LOCALES, { error: "invalid" }),
    // Two-tier: the provider an indirect reseller transacts through (required for resellers, checked by the service).
    providerId: z
      .string()
      .trim()
      .max(64, "invalid")
      .optional()
      .transform((v) => (v ? v : null)),
    includeAdmin: z.literal("on", { error: "invalid" }).optional(),
    name: z.unknown().optional(),
    durationDays: z.unknown().optional(),
    roles: z.unknown().optional(),
    autoExtend: z.unknown().optional(),
  })
  .transform(({ includeAdmin, name, durationDays, roles, autoExtend, ...invitation }, ctx) => {
    if (includeAdmin !== "on") return { ...invitation, adminRequest: null };
    const admin = adminRequestSchema.safeParse({ name, durationDays, roles, autoExtend });
    if (!admin.success) {
      for (const issue of admin.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
      return z.NEVER;
    }
    return { ...invitation, adminRequest: admin.data as AdminRequest };
  });
/** What createInvitation takes: a parsed form, or the same without admin roles. */
export type InviteCustomerInput = Omit<z.output<typeof inviteCustomerSchema>, "adminRequest" | "providerId"> & {
  adminRequest?: AdminRequest | null;
  providerId?: string | null;
};

export const invitationRefSchema = z.object({ partnerId: id, invitationId: id });
export type InvitationRef = z.infer<typeof invitationRefSchema>;

const token = z.string({ error: "required" }).min(1, "required").max(100, "invalid");

const domain = domainField;
const agreement = agreementField;

export const acceptInvitationSchema = z.discriminatedUnion(
  "target",
  [
    z.object({ token, target: z.literal("existing"), customerId: id, agreement }),
    z.object({
      token,
      target: z.literal("new"),
      name: organizationNameField,
      primaryDomain: domain,
      country: countryField,
      agreement,
    }),
  ],
  { error: "chooseOrganization" },
);
export type AcceptInvitationInput = z.infer<typeof acceptInvitationSchema>;

export const declineInvitationSchema = z.object({ token });
