import { z } from "zod";
import { isDirectoryRoleId, type DirectoryRoleId } from "@/db/values/directory-roles";

const id = z.string({ error: "required" }).trim().min(1, "required").max(64, "invalid");

export const groupMemberSchema = z.object({ partnerId: id, groupId: id, userId: id });
export type GroupMemberInput = z.infer<typeof groupMemberSchema>;

export const createAccessAssignmentSchema = z.object({
  partnerId: id,
  relationshipId: id,
  groupId: z.string({ error: "chooseGroup" }).trim().min(1, "chooseGroup").max(64, "invalid"),
  roles: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.string().refine(isDirectoryRoleId, "invalid"))
      .min(1, "rolesRequired")
      .max(50, "invalid")
      .transform((roles) => [...new Set(roles)] as DirectoryRoleId[]),
  ),
});
export type CreateAccessAssignmentInput = z.infer<typeof createAccessAssignmentSchema>;

export const accessAssignmentRefSchema = z.object({ partnerId: id, assignmentId: id });
export type AccessAssignmentRef = z.infer<typeof accessAssignmentRefSchema>;
