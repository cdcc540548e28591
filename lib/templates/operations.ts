import { and, eq, inArray, isNull, ne } from "drizzle-orm";
import { firstRow } from "@/db/query";
import { adminTemplates, adminTemplateVersions, securityGroups } from "@/db/schema";
import { GLOBAL_ADMINISTRATOR } from "@/db/values/directory-roles";
import { nameKey } from "@/lib/admin-relationships/rules";
import type { Member } from "@/lib/auth/membership";
import { recordAudit } from "@/lib/audit/record";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { defineOperation, type OperationContext } from "@/lib/operations/define";
import {
  createTemplateSchema,
  templateRefSchema,
  updateTemplateSchema,
  type CreateTemplateInput,
  type TemplateRef,
  type UpdateTemplateInput,
} from "./schemas";

const MANAGE = "admin_relationships.write";

/**
 * What every version must be: Global Administrator never auto-extends, each mapped group is
 * one of the partner's, it receives only roles the template asks for, and the name is not
 * another live template's.
 */
async function checkTemplate(ctx: OperationContext, member: Member, input: CreateTemplateInput, self?: string): Promise<void> {
  if (input.autoExtend && input.roles.includes(GLOBAL_ADMINISTRATOR))
    throw new DomainError("AUTO_EXTEND_GLOBAL_ADMIN", {}, { autoExtend: ["autoExtendGlobalAdmin"] });
  const groupIds = input.groupRoles.map((g) => g.groupId);
  if (groupIds.length > 0) {
    const own = await ctx.tx
      .select({ id: securityGroups.id })
      .from(securityGroups)
      .where(and(eq(securityGroups.partnerId, member.organization.id), inArray(securityGroups.id, groupIds)));
    if (own.length !== groupIds.length) throw new DomainError("NOT_FOUND", {}, { groupRoles: ["chooseGroup"] });
  }
  if (input.groupRoles.some((g) => g.roles.some((r) => !input.roles.includes(r))))
    throw new DomainError("VALIDATION", {}, { groupRoles: ["groupRoleNotInTemplate"] });
  const taken = await firstRow(
    ctx.tx
      .select({ id: adminTemplates.id })
      .from(adminTemplates)
      .where(
        and(
          eq(adminTemplates.partnerId, member.organization.id),
          eq(adminTemplates.nameKey, nameKey(input.name)),
          isNull(adminTemplates.deletedAt),
          ...(self ? [ne(adminTemplates.id, self)] : []),
        ),
      ),
  );
  if (taken) throw new DomainError("VALIDATION", {}, { name: ["templateNameTaken"] });
}

async function writeVersion(ctx: OperationContext, templateId: string, version: number, input: CreateTemplateInput, now: Date) {
  await ctx.tx.insert(adminTemplateVersions).values({
    id: newId("tpv"),
    templateId,
    version,
    roles: input.roles,
    durationDays: input.durationDays,
    autoExtend: input.autoExtend,
    groupRoles: input.groupRoles,
    createdByUserId: ctx.actor.userId,
    createdAt: now,
  });
}

async function auditTemplate(
  ctx: OperationContext,
  member: Member,
  id: string,
  action: "created" | "changed" | "deleted",
  name: string,
  version: number,
) {
  await recordAudit(ctx.tx, {
    organizationId: member.organization.id,
    actor: ctx.actor,
    action: `admin_template.${action}`,
    targetType: "admin_template",
    targetId: id,
    details: { name, version },
    at: ctx.now(),
  });
}

/** A partner's Admin agent names a set of roles, a duration, auto-extend and group mappings: version 1. */
export const createAdminTemplate = defineOperation({
  name: "admin_template.create",
  input: createTemplateSchema,
  authorize: { organization: (input: CreateTemplateInput) => input.partnerId, permission: MANAGE },
  async run(ctx, input: CreateTemplateInput, member) {
    await checkTemplate(ctx, member, input);
    const now = ctx.now();
    const id = newId("tpl");
    await ctx.tx.insert(adminTemplates).values({
      id,
      partnerId: member.organization.id,
      name: input.name,
      nameKey: nameKey(input.name),
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    await writeVersion(ctx, id, 1, input, now);
    await auditTemplate(ctx, member, id, "created", input.name, 1);
    return { id, name: input.name, version: 1 };
  },
});

async function liveTemplate(ctx: OperationContext, member: Member, templateId: string) {
  const row = await firstRow(
    ctx.tx
      .select()
      .from(adminTemplates)
      .where(
        and(eq(adminTemplates.id, templateId), eq(adminTemplates.partnerId, member.organization.id), isNull(adminTemplates.deletedAt)),
      ),
  );
  if (!row) throw new DomainError("NOT_FOUND");
  return row;
}

/**
 * Editing never changes a version: it adds the next one, which later requests use.
 * Relationships already made keep naming the version they came from.
 */
export const updateAdminTemplate = defineOperation({
  name: "admin_template.update",
  input: updateTemplateSchema,
  authorize: { organization: (input: UpdateTemplateInput) => input.partnerId, permission: MANAGE },
  async run(ctx, input: UpdateTemplateInput, member) {
    const template = await liveTemplate(ctx, member, input.templateId);
    if (input.version !== undefined && input.version !== template.version) throw new DomainError("PRECONDITION_FAILED");
    await checkTemplate(ctx, member, input, template.id);
    const now = ctx.now();
    const version = template.version + 1;
    await ctx.tx
      .update(adminTemplates)
      .set({ name: input.name, nameKey: nameKey(input.name), version, updatedAt: now })
      .where(and(eq(adminTemplates.id, template.id), eq(adminTemplates.version, template.version)));
    await writeVersion(ctx, template.id, version, input, now);
    await auditTemplate(ctx, member, template.id, "changed", input.name, version);
    return { id: template.id, name: input.name, version };
  },
});

/** Deleted templates offer nothing new; relationships made from them keep their version. */
export const deleteAdminTemplate = defineOperation({
  name: "admin_template.delete",
  input: templateRefSchema,
  authorize: { organization: (ref: TemplateRef) => ref.partnerId, permission: MANAGE },
  async run(ctx, ref: TemplateRef, member) {
    const template = await liveTemplate(ctx, member, ref.templateId);
    await ctx.tx.update(adminTemplates).set({ deletedAt: ctx.now() }).where(eq(adminTemplates.id, template.id));
    await auditTemplate(ctx, member, template.id, "deleted", template.name, template.version);
    return { name: template.name };
  },
});
