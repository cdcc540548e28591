import { z } from "zod";
import type { AdminRequest } from "@/db/values/admin-relationships";
import { DIRECTORY_ROLE_IDS, isDirectoryRoleId, type DirectoryRoleId } from "@/db/values/directory-roles";

const id = z.string({ error: "required" }).trim().min(1, "required").max(64, "invalid");

export const MAX_NAME = 50;
export const MIN_DAYS = 1;
export const MAX_DAYS = 730;

/** What a request for admin roles asks, alone or riding along with a reseller invitation. */
export const adminRequestFields = {
  name: z.string({ error: "required" }).trim().min(1, "required").max(MAX_NAME, "nameMax50"),
  durationDays: z.coerce
    .number({ error: "durationRange" })
    .int("durationRange")
    .min(MIN_DAYS, "durationRange")
    .max(MAX_DAYS, "durationRange"),
  // A form sends one value per ticked box; none ticked means the key is absent.
  roles: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.string().refine(isDirectoryRoleId, "invalid"))
      .min(1, "rolesRequired")
      .max(DIRECTORY_ROLE_IDS.length, "invalid")
      .transform((roles) => [...new Set(roles)] as DirectoryRoleId[]),
  ),
  autoExtend: z
    .literal("on", { error: "invalid" })
    .optional()
    .transform((v) => v === "on"),
};
export const adminRequestSchema = z.object(adminRequestFields);
// The stored shape (db/values/admin-relationships.ts) is exactly what this schema yields.
type Parsed = z.infer<typeof adminRequestSchema>;
const sameShape: [Parsed, AdminRequest] extends [AdminRequest, Parsed] ? true : never = true;
void sameShape;

export const requestAdminRelationshipSchema = z.object({
  partnerId: id,
  customerId: id,
  ...adminRequestFields,
  // Set when this request replaces an earlier relationship (roles and duration never change in place).
  replacesId: id.optional(),
});
export type RequestAdminRelationshipInput = z.infer<typeof requestAdminRelationshipSchema>;

/** Which organization acts (the partner's or the customer's id) on which relationship. */
export const adminRelationshipRefSchema = z.object({ organizationId: id, relationshipId: id });
export type AdminRelationshipRef = z.infer<typeof adminRelationshipRefSchema>;
