import { z } from "zod";
import { idField, organizationNameField } from "@/lib/validation/fields";

export const renameOrganizationSchema = z.object({ organizationId: idField, name: organizationNameField });
export type RenameOrganizationInput = z.infer<typeof renameOrganizationSchema>;
