import { z } from "zod";
import { isDirectoryRoleId, type DirectoryRoleId } from "@/db/values/directory-roles";

const id = z.string({ error: "required" }).trim().min(1, "required").max(64, "invalid");

export const groupMemberSchema = z.object({ partnerId: id, groupId: id, userId: id });
export type GroupMemberInput = z.infer<typeof groupMemberSchema>;

/** Ticked role boxes: one value or several, each a known role, at least one. */
const roles = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(z.string().refine(isDirectoryRoleId, "invalid"))
    .min(1, "rolesRequired")
    .max(50, "invalid")
    .transform((roles) => [...new Set(roles)] as DirectoryRoleId[]),
);

export const createAccessAssignmentSchema = z.object({
  partnerId: id,
  relationshipId: id,
  groupId: z.string({ error: "chooseGroup" }).trim().min(1, "chooseGroup").max(64, "invalid"),
  roles,
});
export type CreateAccessAssignmentInput = z.infer<typeof createAccessAssignmentSchema>;

export const accessAssignmentRefSchema = z.object({ partnerId: id, assignmentId: id });
export type AccessAssignmentRef = z.infer<typeof accessAssignmentRefSchema>;

export const updateAccessAssignmentSchema = accessAssignmentRefSchema.extend({
  roles,
  // The version the change was made to (the page's, or the API's If-Match): refused if it changed since.
  version: z.coerce.number().int().optional(),
});
export type UpdateAccessAssignmentInput = z.infer<typeof updateAccessAssignmentSchema>;
