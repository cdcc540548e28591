import "server-only";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { adminRelationships, adminTemplates, adminTemplateVersions } from "@/db/schema";
import { type Member, ensurePermitted } from "@/lib/auth/membership";
import { DomainError } from "@/lib/errors";

/** The partner's live templates, by name, each with its current version. */
export async function listTemplates(db: Db, member: Member) {
  ensurePermitted(member, "customers.read", "admin_relationships.write");
  return await db
    .select({
      id: adminTemplates.id,
      name: adminTemplates.name,
      version: adminTemplates.version,
      updatedAt: adminTemplates.updatedAt,
      roles: adminTemplateVersions.roles,
      durationDays: adminTemplateVersions.durationDays,
      autoExtend: adminTemplateVersions.autoExtend,
      groupRoles: adminTemplateVersions.groupRoles,
    })
    .from(adminTemplates)
    .innerJoin(
      adminTemplateVersions,
      and(eq(adminTemplateVersions.templateId, adminTemplates.id), eq(adminTemplateVersions.version, adminTemplates.version)),
    )
    .where(and(eq(adminTemplates.partnerId, member.organization.id), isNull(adminTemplates.deletedAt)))
    .orderBy(asc(adminTemplates.nameKey));
}
export type TemplateSummary = Awaited<ReturnType<typeof listTemplates>>[number];

/** One live template of the partner with every version (newest first) and how many relationships each made; else "not found". */
export async function getTemplateOrThrow(db: Db, member: Member, templateId: string) {
  ensurePermitted(member, "customers.read", "admin_relationships.write");
  const template = (await listTemplates(db, member)).find((t) => t.id === templateId);
  if (!template) throw new DomainError("NOT_FOUND");
  const versions = await db
    .select()
    .from(adminTemplateVersions)
    .where(eq(adminTemplateVersions.templateId, template.id))
    .orderBy(desc(adminTemplateVersions.version));
  const uses = await db
    .select({ versionId: adminRelationships.templateVersionId, n: sql<number>`count(*)`.mapWith(Number) })
    .from(adminRelationships)
    .where(
      and(
        eq(adminRelationships.partnerId, member.organization.id),
        inArray(
          adminRelationships.templateVersionId,
          versions.map((v) => v.id),
        ),
      ),
    )
    .groupBy(adminRelationships.templateVersionId);
  const used = new Map(uses.map((u) => [u.versionId, u.n]));
  return { ...template, versions: versions.map((v) => ({ ...v, relationships: used.get(v.id) ?? 0 })) };
}
