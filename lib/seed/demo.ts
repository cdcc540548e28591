import { seedDemoTemplates } from "./demo-templates";
import { firstRow } from "@/db/query";
import { and, eq, sql } from "drizzle-orm";
import { randomBytes, createHash } from "node:crypto";
import type { Db } from "@/db/client";
import {
  accessAssignments,
  adminRelationships,
  auditEvents,
  invitations,
  memberships,
  organizations,
  partnerApplications,
  products,
  resellerRelationships,
  securityGroupMembers,
  securityGroups,
  subscriptions,
  supportAssignments,
  partnerships,
  users,
} from "@/db/schema";
import { CLOUD_RULES } from "@/lib/clouds";
import { ensureDefaultGroups } from "@/lib/access/groups";
import type { MemberRole } from "@/db/values/roles";
import { ADMIN_RELATIONSHIPS, APPLICATIONS, ORGS, PARTNERSHIPS, PRODUCTS, RELATIONSHIPS, SUBSCRIPTIONS } from "@/lib/seed/demo-data";
import { transaction } from "@/db/transaction";

const DAY = 86_400_000;

export type DemoAccount = { email: string; organization: string; roles: MemberRole[] };

/** Fills an empty database with the demo organizations. Returns the accounts to sign in with; [] if data exists. */
export async function seedDemo(db: Db, now = new Date()): Promise<DemoAccount[]> {
  const existing = await firstRow(db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(organizations));
  if ((existing?.n ?? 0) > 0) return [];
  const ids = new Map<string, string>();
  const userIds = new Map<string, string>();
  const accounts: DemoAccount[] = [];
  let seq = 0;
  const id = (prefix: string) => `${prefix}_demo${String(++seq).padStart(4, "0")}`;

  await transaction(db, async (tx) => {
    for (const o of ORGS) ids.set(o.key, id("org"));
    for (const o of ORGS) {
      await tx.insert(organizations).values({
        id: ids.get(o.key)!,
        kind: o.operator ? "operator" : o.partner ? "partner" : "customer",
        name: o.name,
        cloud: o.cloud,
        country: o.country,
        primaryDomain: o.domain,
        partnerType: o.partner?.type ?? null,
        partnerPublicId: o.partner?.publicId ?? null,
        isCspTransactionTenant: o.partner?.cspTenant ?? false,
        corporateOfPartnerId: o.corporateOf ? ids.get(o.corporateOf)! : null,
        createdAt: new Date(now.getTime() - 900 * DAY),
      });
      if (o.partner) await ensureDefaultGroups(tx, ids.get(o.key)!, now);
      for (const m of o.members) {
        if (!userIds.has(m.email)) {
          const userId = id("usr");
          userIds.set(m.email, userId);
          await tx.insert(users).values({ id: userId, email: m.email, name: m.name, emailVerified: now, createdAt: now });
        }
        await tx
          .insert(memberships)
          .values({ id: id("mem"), organizationId: ids.get(o.key)!, userId: userIds.get(m.email)!, roles: m.roles, createdAt: now });
        // Agents start in the matching standard group.
        const groupName = m.roles.includes("admin_agent") ? "admin agents" : m.roles.includes("helpdesk_agent") ? "helpdesk agents" : null;
        if (o.partner && groupName) {
          const group = (await firstRow(
            tx
              .select({ id: securityGroups.id })
              .from(securityGroups)
              .where(and(eq(securityGroups.partnerId, ids.get(o.key)!), eq(securityGroups.nameKey, groupName))),
          ))!;
          await tx
            .insert(securityGroupMembers)
            .values({ partnerId: ids.get(o.key)!, groupId: group.id, userId: userIds.get(m.email)!, createdAt: now });
        }
        accounts.push({ email: m.email, organization: o.name, roles: m.roles });
      }
    }
    for (const [provider, reseller, daysAgo] of PARTNERSHIPS) {
      const at = new Date(now.getTime() - daysAgo * DAY);
      const invitee = ORGS.find((o) => o.key === reseller)!.members[0];
      await tx.insert(partnerships).values({
        id: id("ptn"),
        providerId: ids.get(provider)!,
        resellerId: ids.get(reseller)!,
        email: invitee.email,
        locale: "en",
        tokenHash: createHash("sha256").update(randomBytes(32)).digest("hex"),
        state: "active",
        createdByUserId: userIds.get(ORGS.find((o) => o.key === provider)!.members[0].email)!,
        createdAt: new Date(at.getTime() - DAY),
        expiresAt: new Date(at.getTime() + 13 * DAY),
        respondedAt: at,
        respondedByUserId: userIds.get(invitee.email)!,
      });
    }
    for (const [partner, customer, daysAgo, channel] of RELATIONSHIPS) {
      const at = new Date(now.getTime() - daysAgo * DAY);
      const partnerOrg = ORGS.find((o) => o.key === partner)!;
      const inviter = userIds.get(partnerOrg.members[0].email)!;
      const invitee = ORGS.find((o) => o.key === customer)!.members[0];
      const invitationId = id("inv");
      // Historical invitations: their tokens were never kept, so these links cannot be used.
      await tx.insert(invitations).values({
        id: invitationId,
        partnerId: ids.get(partner)!,
        email: invitee.email,
        message: null,
        locale: "en",
        tokenHash: createHash("sha256").update(randomBytes(32)).digest("hex"),
        state: "accepted",
        sendCount: 1,
        createdByUserId: inviter,
        createdAt: new Date(at.getTime() - 2 * DAY),
        lastSentAt: new Date(at.getTime() - 2 * DAY),
        expiresAt: new Date(at.getTime() + 12 * DAY),
        respondedAt: at,
        respondedByUserId: userIds.get(invitee.email)!,
        customerId: ids.get(customer)!,
      });
      const relId = id("rel");
      await tx.insert(resellerRelationships).values({
        id: relId,
        partnerId: ids.get(partner)!,
        customerId: ids.get(customer)!,
        state: "active",
        invitationId,
        createdAt: at,
        customerName: ORGS.find((o) => o.key === customer)!.name,
        customerDomain: ORGS.find((o) => o.key === customer)!.domain,
        providerId: channel?.provider ? ids.get(channel.provider)! : null,
        resellerId: channel?.reseller ? ids.get(channel.reseller)! : null,
      });
      const details = { partner: partnerOrg.name, customer: ORGS.find((o) => o.key === customer)!.name, email: invitee.email };
      await tx.insert(auditEvents).values({
        organizationId: ids.get(partner)!,
        customerId: ids.get(customer)!,
        actorUserId: userIds.get(invitee.email)!,
        actorEmail: invitee.email,
        action: "reseller_relationship.created",
        targetType: "reseller_relationship",
        targetId: relId,
        details,
        createdAt: at,
      });
    }
    // Admin relationships at different points of their life; the scheduled job at start-up
    // marks those near their end as expiring and sends the notices that are due.
    for (const [partner, customer, name, roles, durationDays, daysSinceApproval, state] of ADMIN_RELATIONSHIPS) {
      const relId = id("gdap");
      const approved = daysSinceApproval === null ? null : new Date(now.getTime() - daysSinceApproval * DAY);
      const requested = approved ? new Date(approved.getTime() - DAY) : new Date(now.getTime() - 2 * DAY);
      const endsAt = approved ? new Date(approved.getTime() + durationDays * DAY) : null;
      await tx.insert(adminRelationships).values({
        id: relId,
        partnerId: ids.get(partner)!,
        customerId: ids.get(customer)!,
        name,
        nameKey: name.toLowerCase(),
        roles,
        durationDays,
        autoExtend: false,
        state,
        createdByUserId: userIds.get(ORGS.find((o) => o.key === partner)!.members[0].email)!,
        createdAt: requested,
        requestedAt: requested,
        activatedAt: approved,
        endsAt,
        endedAt: state === "expired" ? endsAt : null,
        decidedByUserId: approved ? userIds.get("olivia.it@adventure-works.com")! : null,
      });
      if (name === "Adventure Works helpdesk") {
        const group = (await firstRow(
          tx
            .select({ id: securityGroups.id })
            .from(securityGroups)
            .where(and(eq(securityGroups.partnerId, ids.get(partner)!), eq(securityGroups.nameKey, "admin agents"))),
        ))!;
        await tx.insert(accessAssignments).values({
          id: id("asg"),
          partnerId: ids.get(partner)!,
          adminRelationshipId: relId,
          groupId: group.id,
          roles: ["helpdesk_administrator", "global_reader"],
          state: "active",
          createdAt: approved!,
        });
      }
    }
    const productIds = new Map<string, string>();
    for (const [cloud, name, supportable] of PRODUCTS) {
      const productId = id("prd");
      productIds.set(`${cloud}:${name}`, productId);
      await tx.insert(products).values({
        id: productId,
        cloud,
        name,
        nameKey: name.toLowerCase(),
        supportable,
        available: true,
        createdAt: new Date(now.getTime() - 900 * DAY),
      });
    }
    for (const [company, domain, email, cloud, partnerType] of APPLICATIONS) {
      const userId = id("usr");
      await tx.insert(users).values({ id: userId, email, name: null, emailVerified: now, createdAt: now });
      await tx.insert(partnerApplications).values({
        id: id("app"),
        applicantUserId: userId,
        applicantEmail: email,
        companyName: company,
        primaryDomain: domain,
        country: "US",
        cloud,
        partnerType,
        corporateDomain: null,
        agreementVersion: CLOUD_RULES[cloud].partnerAgreement.version,
        locale: "en",
        state: "pending",
        createdAt: new Date(now.getTime() - DAY),
      });
    }
    for (const [customer, product, seats, channel, por, state] of SUBSCRIPTIONS) {
      const subId = id("sub");
      const cloud = ORGS.find((o) => o.key === customer)!.cloud;
      await tx.insert(subscriptions).values({
        id: subId,
        customerId: ids.get(customer)!,
        product,
        productId: productIds.get(`${cloud}:${product}`) ?? null,
        seats,
        state,
        purchaseChannel: channel,
        partnerOfRecordId: por ? ids.get(por)! : null,
        termEndsAt: new Date(now.getTime() + (30 + seats) * DAY),
        createdAt: new Date(now.getTime() - 365 * DAY),
      });
      // Multi-channel: the directly bought Dynamics subscription is supported by Northwind ("supported, not sold").
      if (product === "Dynamics 365 Sales Enterprise") {
        await tx.insert(supportAssignments).values({
          id: id("sup"),
          customerId: ids.get(customer)!,
          subscriptionId: subId,
          partnerId: ids.get("northwind")!,
          state: "active",
          assignedByUserId: userIds.get("olivia.it@adventure-works.com")!,
          createdAt: new Date(now.getTime() - 30 * DAY),
        });
      }
    }
  });
  const alice = "alice.admin@northwindcloud.com";
  await seedDemoTemplates(db, ids.get("northwind")!, { userId: userIds.get(alice)!, email: alice }, now);
  return accounts;
}
