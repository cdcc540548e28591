import { and, eq, isNull } from "drizzle-orm";
import { firstRow } from "@/db/query";
import { adminTemplates, adminTemplateVersions } from "@/db/schema";
import { requestIn } from "@/lib/admin-relationships/service";
import { DomainError } from "@/lib/errors";
import { defineOperation } from "@/lib/operations/define";
import { requestFromTemplateSchema, type RequestFromTemplateInput } from "./schemas";

/**
 * Asks a customer for the roles, duration and auto-extend of a template's current version,
 * under a name of the partner's choosing. The relationship names the version: on approval
 * its groups receive the version's roles at once.
 */
export const requestFromTemplate = defineOperation({
  name: "admin_relationship.request_from_template",
  input: requestFromTemplateSchema,
  authorize: {
    organization: (input: RequestFromTemplateInput) => input.partnerId,
    permission: "admin_relationships.write",
    standing: true,
  },
  async run(ctx, input: RequestFromTemplateInput, member) {
    const version = await firstRow(
      ctx.tx
        .select({ v: adminTemplateVersions })
        .from(adminTemplates)
        .innerJoin(
          adminTemplateVersions,
          and(eq(adminTemplateVersions.templateId, adminTemplates.id), eq(adminTemplateVersions.version, adminTemplates.version)),
        )
        .where(
          and(
            eq(adminTemplates.id, input.templateId),
            eq(adminTemplates.partnerId, member.organization.id),
            isNull(adminTemplates.deletedAt),
          ),
        ),
    );
    if (!version) throw new DomainError("NOT_FOUND", {}, { templateId: ["chooseTemplate"] });
    const { v } = version;
    return await requestIn(
      ctx,
      member,
      input.customerId,
      { name: input.name, roles: v.roles, durationDays: v.durationDays, autoExtend: v.autoExtend },
      { replacesId: null, templateVersionId: v.id },
    );
  },
});
