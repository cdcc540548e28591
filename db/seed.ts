import { and, eq, sql } from "drizzle-orm";
import { randomBytes, createHash } from "node:crypto";
import type { Db } from "./client";
import { accessAssignments, adminRelationships, auditEvents, invitations, memberships, organizations, partnerApplications, products, resellerRelationships, securityGroupMembers, securityGroups, subscriptions, supportAssignments, partnerships, users } from "./schema";
import { CLOUD_RULES } from "../lib/clouds";
import { OPERATOR_DOMAIN } from "../lib/operator/bootstrap";
import { ensureDefaultGroups } from "../lib/access/groups";
import type { DirectoryRoleId } from "../lib/admin-relationships/directory-roles";
import type { AdminRelationshipState } from "../lib/admin-relationships/states";
import type { MemberRole } from "../lib/auth/roles";
import type { Cloud, PartnerType } from "../lib/organizations/kinds";
import type { PurchaseChannel } from "../lib/subscriptions/kinds";

const DAY = 86_400_000;

type OrgSeed = {
  key: string;
  name: string;
  cloud: Cloud;
  country: string;
  domain: string;
  partner?: { type: PartnerType; publicId: string; cspTenant: boolean };
  /** The program operator (one per instance): its people run the console at /operator. */
  operator?: true;
  corporateOf?: string;
  members: { email: string; name: string; roles: MemberRole[] }[];
};

const ORGS: OrgSeed[] = [
  {
    key: "operator", name: "Cloud Partner Program", cloud: "global", country: "US", domain: OPERATOR_DOMAIN, operator: true,
    members: [
      { email: "priya.ops@partner-program.example", name: "Priya Raman", roles: ["operator_admin"] },
      { email: "tom.partners@partner-program.example", name: "Tom Berg", roles: ["partner_manager"] },
    ],
  },
  {
    key: "northwind", name: "Northwind Cloud Services", cloud: "global", country: "US", domain: "northwindcloud.com",
    partner: { type: "direct", publicId: "4810231", cspTenant: true },
    members: [
      { email: "alice.admin@northwindcloud.com", name: "Alice Moreno", roles: ["account_admin", "admin_agent"] },
      { email: "sam.sales@northwindcloud.com", name: "Sam Patel", roles: ["sales_agent"] },
      { email: "bill.billing@northwindcloud.com", name: "Bill Chen", roles: ["billing_admin"] },
      { email: "hana.helpdesk@northwindcloud.com", name: "Hana Kowalski", roles: ["helpdesk_agent"] },
    ],
  },
  {
    key: "fabrikam", name: "Fabrikam Azure Experts", cloud: "global", country: "GB", domain: "fabrikam-experts.com",
    partner: { type: "direct", publicId: "5120877", cspTenant: true },
    members: [
      { email: "maria.admin@fabrikam-experts.com", name: "Maria Okafor", roles: ["account_admin"] },
      { email: "ahmed.agent@fabrikam-experts.com", name: "Ahmed Haddad", roles: ["admin_agent"] },
    ],
  },
  {
    key: "contoso", name: "Contoso Distribution", cloud: "global", country: "NL", domain: "contoso-distribution.com",
    partner: { type: "indirect_provider", publicId: "6001459", cspTenant: true },
    members: [{ email: "pieter.admin@contoso-distribution.com", name: "Pieter de Vries", roles: ["account_admin", "admin_agent"] }],
  },
  {
    key: "litware", name: "Litware Solutions", cloud: "global", country: "US", domain: "litware-solutions.com",
    partner: { type: "indirect_reseller", publicId: "7300912", cspTenant: true },
    members: [{ email: "lena.admin@litware-solutions.com", name: "Lena Fischer", roles: ["account_admin", "sales_agent"] }],
  },
  {
    // An indirect reseller with no provider yet: Contoso can invite it (the two-tier journey).
    key: "trey", name: "Trey Research", cloud: "global", country: "US", domain: "treyresearch.net",
    partner: { type: "indirect_reseller", publicId: "7400218", cspTenant: true },
    members: [{ email: "ravi.admin@treyresearch.net", name: "Ravi Shah", roles: ["account_admin", "sales_agent"] }],
  },
  {
    key: "tailspin", name: "Tailspin Partner GmbH", cloud: "germany", country: "DE", domain: "tailspin-partner.de",
    partner: { type: "direct", publicId: "8100345", cspTenant: true },
    members: [{ email: "jonas.admin@tailspin-partner.de", name: "Jonas Becker", roles: ["account_admin", "admin_agent"] }],
  },
  {
    key: "wingtip", name: "Wingtip Cloud (Shanghai)", cloud: "china", country: "CN", domain: "wingtipcloud.cn",
    partner: { type: "direct", publicId: "9200114", cspTenant: true },
    members: [{ email: "li.wei@wingtipcloud.cn", name: "Li Wei", roles: ["account_admin", "admin_agent"] }],
  },
  {
    key: "adventure", name: "Adventure Works Cycles", cloud: "global", country: "US", domain: "adventure-works.com",
    members: [
      { email: "olivia.it@adventure-works.com", name: "Olivia Nguyen", roles: ["global_admin"] },
      { email: "ben.finance@adventure-works.com", name: "Ben Alvarez", roles: ["billing_administrator"] },
    ],
  },
  {
    key: "blueyonder", name: "Blue Yonder Airlines", cloud: "global", country: "US", domain: "blueyonderairlines.com",
    members: [{ email: "grace.admin@blueyonderairlines.com", name: "Grace Kim", roles: ["global_admin"] }],
  },
  {
    key: "fourthcoffee", name: "Fourth Coffee", cloud: "global", country: "CA", domain: "fourthcoffee.com",
    members: [{ email: "diego@fourthcoffee.com", name: "Diego Ramos", roles: ["global_admin"] }],
  },
  {
    // Northwind's separate, non-CSP corporate tenant: it may buy from another partner (rule 4).
    key: "northwindCorp", name: "Northwind Cloud Services (Corporate)", cloud: "global", country: "US", domain: "corp.northwindcloud.com",
    corporateOf: "northwind",
    members: [{ email: "alice.admin@northwindcloud.com", name: "Alice Moreno", roles: ["global_admin"] }],
  },
  {
    key: "proseware", name: "Proseware Industrie AG", cloud: "germany", country: "DE", domain: "proseware.de",
    members: [{ email: "klara.it@proseware.de", name: "Klara Schmidt", roles: ["global_admin"] }],
  },
  {
    key: "coho", name: "Coho Winery China", cloud: "china", country: "CN", domain: "cohowinery.cn",
    members: [{ email: "zhang.min@cohowinery.cn", name: "Zhang Min", roles: ["global_admin"] }],
  },
];

/** Two-tier partnerships: [provider, reseller, days ago]. */
const PARTNERSHIPS: [string, string, number][] = [["contoso", "litware", 600]];

/** [partner, customer, days ago, two-tier channel: the reseller's provider, or the provider's reseller] */
const RELATIONSHIPS: [string, string, number, { provider?: string; reseller?: string }?][] = [
  ["northwind", "adventure", 400],
  ["fabrikam", "adventure", 120],
  ["litware", "fourthcoffee", 200, { provider: "contoso" }],
  ["contoso", "fourthcoffee", 200, { reseller: "litware" }],
  ["fabrikam", "northwindCorp", 300],
  ["tailspin", "proseware", 500],
  ["wingtip", "coho", 90],
];

/** [customer, product, seats, channel, partner of record, state] */
const SUBSCRIPTIONS: [string, string, number, PurchaseChannel, string | null, "active" | "suspended"][] = [
  ["adventure", "Microsoft 365 Business Premium", 120, "partner", "northwind", "active"],
  ["adventure", "Microsoft Defender for Endpoint P2", 120, "partner", "northwind", "active"],
  ["adventure", "Azure plan", 1, "partner", "fabrikam", "active"],
  ["adventure", "Dynamics 365 Sales Enterprise", 25, "direct", null, "active"],
  ["adventure", "Power BI Pro", 40, "enterprise_agreement", null, "active"],
  ["blueyonder", "Office 365 E3", 300, "direct", null, "active"],
  ["fourthcoffee", "Microsoft 365 Business Standard", 35, "partner", "litware", "active"],
  ["northwindCorp", "Microsoft 365 E5", 80, "partner", "fabrikam", "active"],
  ["proseware", "Microsoft 365 E3", 650, "partner", "tailspin", "active"],
  ["coho", "Office 365 E1", 60, "partner", "wingtip", "suspended"],
];

/** The catalog: [cloud, product, can be supported by another partner]. Every seeded subscription names one of these. */
const PRODUCTS: [Cloud, string, boolean][] = [
  ["global", "Microsoft 365 Business Premium", true],
  ["global", "Microsoft 365 Business Standard", true],
  ["global", "Microsoft 365 E3", true],
  ["global", "Microsoft 365 E5", true],
  ["global", "Microsoft Defender for Endpoint P2", true],
  ["global", "Office 365 E3", true],
  ["global", "Power BI Pro", true],
  ["global", "Dynamics 365 Sales Enterprise", true],
  ["global", "Azure plan", false],
  ["usgov", "Microsoft 365 G3", true],
  ["germany", "Microsoft 365 E3", true],
  ["germany", "Office 365 E1", true],
  ["china", "Office 365 E1", true],
  ["china", "Office 365 E3", true],
];

/** A company waiting for the operator's decision: [company, domain, applicant, cloud, type]. */
const APPLICATIONS: [string, string, string, Cloud, PartnerType][] = [["Tailwind Traders Cloud", "tailwindtraders-cloud.example", "mia.lopez@tailwindtraders-cloud.example", "global", "direct"]];

/** [partner, customer, name, roles, duration days, days since approval (null: pending, requested 2 days ago), state] */
const ADMIN_RELATIONSHIPS: [string, string, string, DirectoryRoleId[], number, number | null, AdminRelationshipState][] = [
  ["northwind", "adventure", "Adventure Works helpdesk", ["helpdesk_administrator", "user_administrator", "global_reader"], 730, 700, "active"],
  ["northwind", "adventure", "Adventure Works security", ["security_reader", "security_administrator"], 365, 360, "active"],
  ["northwind", "adventure", "Adventure Works tenant rebuild", ["global_administrator"], 180, 10, "active"],
  ["northwind", "adventure", "Adventure Works onboarding 2025", ["user_administrator", "license_administrator"], 90, 130, "expired"],
  ["fabrikam", "adventure", "Azure operations", ["application_administrator", "cloud_application_administrator", "global_reader"], 365, null, "approvalPending"],
];

export type DemoAccount = { email: string; organization: string; roles: MemberRole[] };

/** Fills an empty database with the demo organizations. Returns the accounts to sign in with; [] if data exists. */
export function seedDemo(db: Db, now = new Date()): DemoAccount[] {
  const existing = db.select({ n: sql<number>`count(*)` }).from(organizations).get();
  if ((existing?.n ?? 0) > 0) return [];
  const ids = new Map<string, string>();
  const userIds = new Map<string, string>();
  const accounts: DemoAccount[] = [];
  let seq = 0;
  const id = (prefix: string) => `${prefix}_demo${String(++seq).padStart(4, "0")}`;

  db.transaction((tx) => {
    for (const o of ORGS) ids.set(o.key, id("org"));
    for (const o of ORGS) {
      tx.insert(organizations)
        .values({
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
        })
        .run();
      if (o.partner) ensureDefaultGroups(tx, ids.get(o.key)!, now);
      for (const m of o.members) {
        if (!userIds.has(m.email)) {
          const userId = id("usr");
          userIds.set(m.email, userId);
          tx.insert(users).values({ id: userId, email: m.email, name: m.name, emailVerified: now, createdAt: now }).run();
        }
        tx.insert(memberships).values({ id: id("mem"), organizationId: ids.get(o.key)!, userId: userIds.get(m.email)!, roles: m.roles, createdAt: now }).run();
        // Agents start in the matching standard group.
        const groupName = m.roles.includes("admin_agent") ? "admin agents" : m.roles.includes("helpdesk_agent") ? "helpdesk agents" : null;
        if (o.partner && groupName) {
          const group = tx.select({ id: securityGroups.id }).from(securityGroups).where(and(eq(securityGroups.partnerId, ids.get(o.key)!), eq(securityGroups.nameKey, groupName))).get()!;
          tx.insert(securityGroupMembers).values({ partnerId: ids.get(o.key)!, groupId: group.id, userId: userIds.get(m.email)!, createdAt: now }).run();
        }
        accounts.push({ email: m.email, organization: o.name, roles: m.roles });
      }
    }
    for (const [provider, reseller, daysAgo] of PARTNERSHIPS) {
      const at = new Date(now.getTime() - daysAgo * DAY);
      const invitee = ORGS.find((o) => o.key === reseller)!.members[0];
      tx.insert(partnerships)
        .values({
          id: id("ptn"), providerId: ids.get(provider)!, resellerId: ids.get(reseller)!, email: invitee.email, locale: "en",
          tokenHash: createHash("sha256").update(randomBytes(32)).digest("hex"), state: "active",
          createdByUserId: userIds.get(ORGS.find((o) => o.key === provider)!.members[0].email)!, createdAt: new Date(at.getTime() - DAY),
          expiresAt: new Date(at.getTime() + 13 * DAY), respondedAt: at, respondedByUserId: userIds.get(invitee.email)!,
        })
        .run();
    }
    for (const [partner, customer, daysAgo, channel] of RELATIONSHIPS) {
      const at = new Date(now.getTime() - daysAgo * DAY);
      const partnerOrg = ORGS.find((o) => o.key === partner)!;
      const inviter = userIds.get(partnerOrg.members[0].email)!;
      const invitee = ORGS.find((o) => o.key === customer)!.members[0];
      const invitationId = id("inv");
      // Historical invitations: their tokens were never kept, so these links cannot be used.
      tx.insert(invitations)
        .values({
          id: invitationId, partnerId: ids.get(partner)!, email: invitee.email, message: null, locale: "en",
          tokenHash: createHash("sha256").update(randomBytes(32)).digest("hex"), state: "accepted", sendCount: 1,
          createdByUserId: inviter, createdAt: new Date(at.getTime() - 2 * DAY), lastSentAt: new Date(at.getTime() - 2 * DAY),
          expiresAt: new Date(at.getTime() + 12 * DAY), respondedAt: at, respondedByUserId: userIds.get(invitee.email)!, customerId: ids.get(customer)!,
        })
        .run();
      const relId = id("rel");
      tx.insert(resellerRelationships)
        .values({
          id: relId, partnerId: ids.get(partner)!, customerId: ids.get(customer)!, state: "active", invitationId, createdAt: at, customerName: ORGS.find((o) => o.key === customer)!.name, customerDomain: ORGS.find((o) => o.key === customer)!.domain,
          providerId: channel?.provider ? ids.get(channel.provider)! : null, resellerId: channel?.reseller ? ids.get(channel.reseller)! : null,
        })
        .run();
      const details = { partner: partnerOrg.name, customer: ORGS.find((o) => o.key === customer)!.name, email: invitee.email };
      tx.insert(auditEvents)
        .values({ organizationId: ids.get(partner)!, customerId: ids.get(customer)!, actorUserId: userIds.get(invitee.email)!, actorEmail: invitee.email, action: "reseller_relationship.created", targetType: "reseller_relationship", targetId: relId, details, createdAt: at })
        .run();
    }
    // Admin relationships at different points of their life; the scheduled job at start-up
    // marks those near their end as expiring and sends the notices that are due.
    for (const [partner, customer, name, roles, durationDays, daysSinceApproval, state] of ADMIN_RELATIONSHIPS) {
      const relId = id("gdap");
      const approved = daysSinceApproval === null ? null : new Date(now.getTime() - daysSinceApproval * DAY);
      const requested = approved ? new Date(approved.getTime() - DAY) : new Date(now.getTime() - 2 * DAY);
      const endsAt = approved ? new Date(approved.getTime() + durationDays * DAY) : null;
      tx.insert(adminRelationships)
        .values({
          id: relId, partnerId: ids.get(partner)!, customerId: ids.get(customer)!, name, nameKey: name.toLowerCase(), roles, durationDays, autoExtend: false, state,
          createdByUserId: userIds.get(ORGS.find((o) => o.key === partner)!.members[0].email)!, createdAt: requested, requestedAt: requested,
          activatedAt: approved, endsAt, endedAt: state === "expired" ? endsAt : null, decidedByUserId: approved ? userIds.get("olivia.it@adventure-works.com")! : null,
        })
        .run();
      if (name === "Adventure Works helpdesk") {
        const group = tx.select({ id: securityGroups.id }).from(securityGroups).where(and(eq(securityGroups.partnerId, ids.get(partner)!), eq(securityGroups.nameKey, "admin agents"))).get()!;
        tx.insert(accessAssignments).values({ id: id("asg"), partnerId: ids.get(partner)!, adminRelationshipId: relId, groupId: group.id, roles: ["helpdesk_administrator", "global_reader"], state: "active", createdAt: approved! }).run();
      }
    }
    const productIds = new Map<string, string>();
    for (const [cloud, name, supportable] of PRODUCTS) {
      const productId = id("prd");
      productIds.set(`${cloud}:${name}`, productId);
      tx.insert(products).values({ id: productId, cloud, name, nameKey: name.toLowerCase(), supportable, available: true, createdAt: new Date(now.getTime() - 900 * DAY) }).run();
    }
    for (const [company, domain, email, cloud, partnerType] of APPLICATIONS) {
      const userId = id("usr");
      tx.insert(users).values({ id: userId, email, name: null, emailVerified: now, createdAt: now }).run();
      tx.insert(partnerApplications)
        .values({ id: id("app"), applicantUserId: userId, applicantEmail: email, companyName: company, primaryDomain: domain, country: "US", cloud, partnerType, corporateDomain: null, agreementVersion: CLOUD_RULES[cloud].partnerAgreement.version, locale: "en", state: "pending", createdAt: new Date(now.getTime() - DAY) })
        .run();
    }
    for (const [customer, product, seats, channel, por, state] of SUBSCRIPTIONS) {
      const subId = id("sub");
      const cloud = ORGS.find((o) => o.key === customer)!.cloud;
      tx.insert(subscriptions)
        .values({
          id: subId, customerId: ids.get(customer)!, product, productId: productIds.get(`${cloud}:${product}`) ?? null, seats, state, purchaseChannel: channel,
          partnerOfRecordId: por ? ids.get(por)! : null, termEndsAt: new Date(now.getTime() + (30 + seats) * DAY), createdAt: new Date(now.getTime() - 365 * DAY),
        })
        .run();
      // Multi-channel: the directly bought Dynamics subscription is supported by Northwind ("supported, not sold").
      if (product === "Dynamics 365 Sales Enterprise") {
        tx.insert(supportAssignments)
          .values({ id: id("sup"), customerId: ids.get(customer)!, subscriptionId: subId, partnerId: ids.get("northwind")!, state: "active", assignedByUserId: userIds.get("olivia.it@adventure-works.com")!, createdAt: new Date(now.getTime() - 30 * DAY) })
          .run();
      }
    }
  });
  return accounts;
}
