import { and, eq } from "drizzle-orm";
import { organizations, resellerRelationships } from "@/db/schema";
import type { OrganizationKind } from "@/db/values/organizations";
import { recordAudit } from "@/lib/audit/record";
import type { Member } from "@/lib/auth/membership";
import { hasPermission, type Permission } from "@/lib/auth/permissions";
import { defineOperation } from "@/lib/operations/define";
import { renameOrganizationSchema, type RenameOrganizationInput } from "./schemas";

/** Who may change the organization's name, on each side. The program's own organization is not renamed here. */
const PROFILE_PERMISSION: Partial<Record<OrganizationKind, Permission>> = {
  partner: "organization.profile.write",
  customer: "customer.profile.write",
};

/** Whether the member may rename its organization (what the team page offers). */
export function mayRename(member: Member): boolean {
  const permission = PROFILE_PERMISSION[member.organization.kind];
  return permission !== undefined && hasPermission(member.roles, permission);
}

/**
 * Renames the actor's organization, audited on it (and as an event about the customer, when
 * it is one, so its partners' logs show it). A customer's name is also copied onto each of its
 * active relationships (the partners' lists page and search on the copy), in the same
 * transaction. An ended relationship keeps the name it had when it ended: what has ended shows
 * nothing of today, so a partner the customer removed never learns its new name.
 * The domain is not changed: it is how invitations find the tenant.
 */
export const renameOrganization = defineOperation({
  name: "organization.rename",
  input: renameOrganizationSchema,
  // The program's own organization has no permission here: "not found", like any organization the actor is not in.
  authorize: { organization: (input: RenameOrganizationInput) => input.organizationId, permission: PROFILE_PERMISSION },
  async run(ctx, input: RenameOrganizationInput, member) {
    const { tx, actor } = ctx;
    const from = member.organization.name;
    if (from === input.name) return { name: from, changed: false };
    const now = ctx.now();
    await tx.update(organizations).set({ name: input.name }).where(eq(organizations.id, member.organization.id));
    if (member.organization.kind === "customer")
      await tx
        .update(resellerRelationships)
        .set({ customerName: input.name })
        .where(and(eq(resellerRelationships.customerId, member.organization.id), eq(resellerRelationships.state, "active")));
    await recordAudit(tx, {
      organizationId: member.organization.id,
      customerId: member.organization.kind === "customer" ? member.organization.id : null,
      actor,
      action: "organization.renamed",
      targetType: "organization",
      targetId: member.organization.id,
      details: { from, to: input.name },
      at: now,
    });
    return { name: input.name, changed: true };
  },
});
