import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { securityGroups } from "@/db/schema";
import type { DirectoryRoleId } from "@/db/values/directory-roles";
import { execute } from "@/lib/operations/execute";
import { createAdminTemplate } from "@/lib/templates/operations";

type Tier = { name: string; roles: DirectoryRoleId[]; days: number; autoExtend: boolean; groups: Record<string, DirectoryRoleId[]> };

/** Least-privilege tiers a partner offers, from reading to full administration; the last never auto-extends. */
const TIERS: Tier[] = [
  { name: "Account manager", roles: ["global_reader"], days: 730, autoExtend: true, groups: { "admin agents": ["global_reader"] } },
  {
    name: "Service desk",
    roles: ["helpdesk_administrator", "service_support_administrator", "global_reader"],
    days: 730,
    autoExtend: true,
    groups: { "helpdesk agents": ["helpdesk_administrator", "service_support_administrator"], "admin agents": ["global_reader"] },
  },
  {
    name: "Specialist",
    roles: ["exchange_administrator", "sharepoint_administrator", "teams_administrator", "license_administrator"],
    days: 365,
    autoExtend: true,
    groups: { "admin agents": ["exchange_administrator", "sharepoint_administrator", "teams_administrator", "license_administrator"] },
  },
  {
    name: "Escalation",
    roles: ["user_administrator", "security_administrator", "application_administrator", "global_reader"],
    days: 180,
    autoExtend: true,
    groups: { "admin agents": ["user_administrator", "security_administrator", "application_administrator", "global_reader"] },
  },
  {
    name: "Administrator",
    roles: ["global_administrator"],
    days: 30,
    autoExtend: false,
    groups: { "admin agents": ["global_administrator"] },
  },
];

/** The demo partner's templates, made through the page's own operation by its Admin agent. */
export async function seedDemoTemplates(db: Db, partnerId: string, agent: { userId: string; email: string }, now: Date): Promise<void> {
  const ctx = { db, now: () => now, config: { invitationTtlDays: 14, publicBaseUrl: "" } };
  const groupId = async (nameKey: string) =>
    (
      await db
        .select({ id: securityGroups.id })
        .from(securityGroups)
        .where(and(eq(securityGroups.partnerId, partnerId), eq(securityGroups.nameKey, nameKey)))
    )[0]!.id;
  for (const tier of TIERS) {
    const groupRoles = [];
    for (const [group, roles] of Object.entries(tier.groups)) groupRoles.push({ groupId: await groupId(group), roles });
    await execute(createAdminTemplate, ctx, agent, {
      partnerId,
      name: tier.name,
      roles: tier.roles,
      durationDays: tier.days,
      autoExtend: tier.autoExtend,
      groupRoles,
    });
  }
}
