import { z } from "zod";
import { adminRequestFields, MAX_NAME } from "@/lib/admin-relationships/schemas";

const id = z.string({ error: "required" }).trim().min(1, "required").max(64, "invalid");

/** A page sends each group's roles as ticked boxes named `group_<groupId>`; the API sends the list itself. */
export const GROUP_FIELD = "group_";

function groupRolesFromForm(input: unknown): unknown {
  if (!input || typeof input !== "object" || "groupRoles" in input) return input;
  const fields = Object.entries(input as Record<string, unknown>);
  const groupRoles = fields
    .filter(([k]) => k.startsWith(GROUP_FIELD))
    .map(([k, v]) => ({ groupId: k.slice(GROUP_FIELD.length), roles: Array.isArray(v) ? v : [v] }));
  return { ...Object.fromEntries(fields.filter(([k]) => !k.startsWith(GROUP_FIELD))), groupRoles };
}

const templateFields = {
  partnerId: id,
  name: z.string({ error: "required" }).trim().min(1, "required").max(MAX_NAME, "nameMax50"),
  durationDays: adminRequestFields.durationDays,
  roles: adminRequestFields.roles,
  autoExtend: adminRequestFields.autoExtend,
  groupRoles: z
    .array(z.object({ groupId: id, roles: adminRequestFields.roles }))
    .max(100, "invalid")
    .refine((g) => new Set(g.map((x) => x.groupId)).size === g.length, "invalid"),
};

export const createTemplateSchema = z.preprocess(groupRolesFromForm, z.object(templateFields));
export type CreateTemplateInput = z.infer<typeof createTemplateSchema>;

export const updateTemplateSchema = z.preprocess(
  groupRolesFromForm,
  z.object({
    ...templateFields,
    templateId: id,
    // The version the change was made to: refused if someone made another since.
    version: z.coerce.number().int().optional(),
  }),
);
export type UpdateTemplateInput = z.infer<typeof updateTemplateSchema>;

export const templateRefSchema = z.object({ partnerId: id, templateId: id });
export type TemplateRef = z.infer<typeof templateRefSchema>;

export const requestFromTemplateSchema = z.object({
  partnerId: id,
  customerId: id,
  templateId: z.string({ error: "chooseTemplate" }).trim().min(1, "chooseTemplate").max(64, "invalid"),
  name: adminRequestFields.name,
});
export type RequestFromTemplateInput = z.infer<typeof requestFromTemplateSchema>;
