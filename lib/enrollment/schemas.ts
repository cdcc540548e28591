import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { CLOUDS, PARTNER_TYPES } from "@/db/values/organizations";
import { agreementField, countryField, domainField, idField, optional, organizationNameField } from "@/lib/validation/fields";

// Messages are catalog keys under `validation.`; the action runner translates them.

export const applySchema = z.object({
  companyName: organizationNameField,
  primaryDomain: domainField,
  country: countryField,
  cloud: z.enum(CLOUDS, { error: "cloudInvalid" }),
  partnerType: z.enum(PARTNER_TYPES, { error: "partnerTypeInvalid" }),
  corporateDomain: optional(domainField),
  agreement: agreementField,
  // The version of the agreement text the applicant saw: a newer one must be read first.
  agreementVersion: z.string({ error: "required" }).trim().min(1, "required").max(20, "invalid"),
  locale: z.enum(LOCALES, { error: "invalid" }),
});
export type ApplyInput = z.infer<typeof applySchema>;

export const applicationRefSchema = z.object({ applicationId: idField });

/** A public partner ID like an MPN ID: 6 to 10 digits. Empty means "generate one". */
export const approveApplicationSchema = z.object({
  applicationId: idField,
  partnerPublicId: optional(
    z
      .string()
      .trim()
      .regex(/^\d{6,10}$/, "partnerIdInvalid"),
  ),
  cspTransactionTenant: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
  // The operator confirms the company controls the corporate domain: only then is its tenant made.
  corporateConfirmed: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
});
export type ApproveApplicationInput = z.infer<typeof approveApplicationSchema>;

export const rejectApplicationSchema = z.object({
  applicationId: idField,
  reason: z.string({ error: "reasonRequired" }).trim().min(5, "reasonRequired").max(1000, "messageTooLong"),
});
export type RejectApplicationInput = z.infer<typeof rejectApplicationSchema>;
