import { z } from "zod";
import { CUSTOMER_ROLES, OPERATOR_ROLES, PARTNER_ROLES, type MemberRole } from "@/db/values/roles";
import { LOCALES } from "@/lib/i18n/locales";

const id = z.string({ error: "required" }).trim().min(1, "required").max(64, "invalid");
const ALL_ROLES: readonly string[] = [...PARTNER_ROLES, ...CUSTOMER_ROLES, ...OPERATOR_ROLES];

// Which roles fit the organization's kind is checked by the service, which knows the kind.
const roles = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(z.string().refine((r) => ALL_ROLES.includes(r), "invalid"))
    .min(1, "rolesRequired")
    .max(ALL_ROLES.length, "invalid")
    .transform((r) => [...new Set(r)] as MemberRole[]),
);

export const inviteMemberSchema = z.object({
  organizationId: id,
  email: z
    .string({ error: "required" })
    .trim()
    .min(1, "required")
    .max(254, "emailTooLong")
    .pipe(z.email({ error: "emailInvalid" })),
  roles,
  locale: z.enum(LOCALES, { error: "invalid" }),
});
export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;

export const memberRolesSchema = z.object({ organizationId: id, userId: id, roles });
export type MemberRolesInput = z.infer<typeof memberRolesSchema>;

export const memberRefSchema = z.object({ organizationId: id, userId: id });
export type MemberRef = z.infer<typeof memberRefSchema>;

export const memberInvitationRefSchema = z.object({ organizationId: id, invitationId: id });
export type MemberInvitationRef = z.infer<typeof memberInvitationRefSchema>;

export const memberTokenSchema = z.object({ token: z.string({ error: "required" }).min(1, "required").max(100, "invalid") });
