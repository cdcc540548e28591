import type { DirectoryRoleId } from "@/db/values/directory-roles";
import type { AdminRelationshipState } from "@/db/values/admin-relationships";
import type { MemberRole } from "@/db/values/roles";
import { OPERATOR_DOMAIN } from "@/lib/operator/bootstrap";
import type { Cloud, PartnerType } from "@/db/values/organizations";
import type { PurchaseChannel } from "@/db/values/subscriptions";

/** The demo's world, as data: lib/seed/demo.ts writes it into an empty database. */

export type OrgSeed = {
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

export const ORGS: OrgSeed[] = [
  {
    key: "operator",
    name: "Cloud Partner Program",
    cloud: "global",
    country: "US",
    domain: OPERATOR_DOMAIN,
    operator: true,
    members: [
      { email: "priya.ops@partner-program.example", name: "Priya Raman", roles: ["operator_admin"] },
      { email: "tom.partners@partner-program.example", name: "Tom Berg", roles: ["partner_manager"] },
    ],
  },
  {
    key: "northwind",
    name: "Northwind Cloud Services",
    cloud: "global",
    country: "US",
    domain: "northwindcloud.com",
    partner: { type: "direct", publicId: "4810231", cspTenant: true },
    members: [
      { email: "alice.admin@northwindcloud.com", name: "Alice Moreno", roles: ["account_admin", "admin_agent"] },
      { email: "sam.sales@northwindcloud.com", name: "Sam Patel", roles: ["sales_agent"] },
      { email: "bill.billing@northwindcloud.com", name: "Bill Chen", roles: ["billing_admin"] },
      { email: "hana.helpdesk@northwindcloud.com", name: "Hana Kowalski", roles: ["helpdesk_agent"] },
    ],
  },
  {
    key: "fabrikam",
    name: "Fabrikam Azure Experts",
    cloud: "global",
    country: "GB",
    domain: "fabrikam-experts.com",
    partner: { type: "direct", publicId: "5120877", cspTenant: true },
    members: [
      { email: "maria.admin@fabrikam-experts.com", name: "Maria Okafor", roles: ["account_admin"] },
      { email: "ahmed.agent@fabrikam-experts.com", name: "Ahmed Haddad", roles: ["admin_agent"] },
    ],
  },
  {
    key: "contoso",
    name: "Contoso Distribution",
    cloud: "global",
    country: "NL",
    domain: "contoso-distribution.com",
    partner: { type: "indirect_provider", publicId: "6001459", cspTenant: true },
    members: [{ email: "pieter.admin@contoso-distribution.com", name: "Pieter de Vries", roles: ["account_admin", "admin_agent"] }],
  },
  {
    key: "litware",
    name: "Litware Solutions",
    cloud: "global",
    country: "US",
    domain: "litware-solutions.com",
    partner: { type: "indirect_reseller", publicId: "7300912", cspTenant: true },
    members: [{ email: "lena.admin@litware-solutions.com", name: "Lena Fischer", roles: ["account_admin", "sales_agent"] }],
  },
  {
    // An indirect reseller with no provider yet: Contoso can invite it (the two-tier journey).
    key: "trey",
    name: "Trey Research",
    cloud: "global",
    country: "US",
    domain: "treyresearch.net",
    partner: { type: "indirect_reseller", publicId: "7400218", cspTenant: true },
    members: [{ email: "ravi.admin@treyresearch.net", name: "Ravi Shah", roles: ["account_admin", "sales_agent"] }],
  },
  {
    key: "tailspin",
    name: "Tailspin Partner GmbH",
    cloud: "germany",
    country: "DE",
    domain: "tailspin-partner.de",
    partner: { type: "direct", publicId: "8100345", cspTenant: true },
    members: [{ email: "jonas.admin@tailspin-partner.de", name: "Jonas Becker", roles: ["account_admin", "admin_agent"] }],
  },
  {
    key: "wingtip",
    name: "Wingtip Cloud (Shanghai)",
    cloud: "china",
    country: "CN",
    domain: "wingtipcloud.cn",
    partner: { type: "direct", publicId: "9200114", cspTenant: true },
    members: [{ email: "li.wei@wingtipcloud.cn", name: "Li Wei", roles: ["account_admin", "admin_agent"] }],
  },
  {
    key: "adventure",
    name: "Adventure Works Cycles",
    cloud: "global",
    country: "US",
    domain: "adventure-works.com",
    members: [
      { email: "olivia.it@adventure-works.com", name: "Olivia Nguyen", roles: ["global_admin"] },
      { email: "ben.finance@adventure-works.com", name: "Ben Alvarez", roles: ["billing_administrator"] },
    ],
  },
  {
    key: "blueyonder",
    name: "Blue Yonder Airlines",
    cloud: "global",
    country: "US",
    domain: "blueyonderairlines.com",
    members: [{ email: "grace.admin@blueyonderairlines.com", name: "Grace Kim", roles: ["global_admin"] }],
  },
  {
    key: "fourthcoffee",
    name: "Fourth Coffee",
    cloud: "global",
    country: "CA",
    domain: "fourthcoffee.com",
    members: [{ email: "diego@fourthcoffee.com", name: "Diego Ramos", roles: ["global_admin"] }],
  },
  {
    // Northwind's separate, non-CSP corporate tenant: it may buy from another partner (rule 4).
    key: "northwindCorp",
    name: "Northwind Cloud Services (Corporate)",
    cloud: "global",
    country: "US",
    domain: "corp.northwindcloud.com",
    corporateOf: "northwind",
    members: [{ email: "alice.admin@northwindcloud.com", name: "Alice Moreno", roles: ["global_admin"] }],
  },
  {
    key: "proseware",
    name: "Proseware Industrie AG",
    cloud: "germany",
    country: "DE",
    domain: "proseware.de",
    members: [{ email: "klara.it@proseware.de", name: "Klara Schmidt", roles: ["global_admin"] }],
  },
  {
    key: "coho",
    name: "Coho Winery China",
    cloud: "china",
    country: "CN",
    domain: "cohowinery.cn",
    members: [{ email: "zhang.min@cohowinery.cn", name: "Zhang Min", roles: ["global_admin"] }],
  },
];

/** Two-tier partnerships: [provider, reseller, days ago]. */
export const PARTNERSHIPS: [string, string, number][] = [["contoso", "litware", 600]];

/** [partner, customer, days ago, two-tier channel: the reseller's provider, or the provider's reseller] */
export const RELATIONSHIPS: [string, string, number, { provider?: string; reseller?: string }?][] = [
  ["northwind", "adventure", 400],
  ["fabrikam", "adventure", 120],
  ["litware", "fourthcoffee", 200, { provider: "contoso" }],
  ["contoso", "fourthcoffee", 200, { reseller: "litware" }],
  ["fabrikam", "northwindCorp", 300],
  ["tailspin", "proseware", 500],
  ["wingtip", "coho", 90],
];

/** [customer, product, seats, channel, partner of record, state] */
export const SUBSCRIPTIONS: [string, string, number, PurchaseChannel, string | null, "active" | "suspended"][] = [
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
export const PRODUCTS: [Cloud, string, boolean][] = [
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
export const APPLICATIONS: [string, string, string, Cloud, PartnerType][] = [
  ["Tailwind Traders Cloud", "tailwindtraders-cloud.example", "mia.lopez@tailwindtraders-cloud.example", "global", "direct"],
];

/** [partner, customer, name, roles, duration days, days since approval (null: pending, requested 2 days ago), state] */
export const ADMIN_RELATIONSHIPS: [string, string, string, DirectoryRoleId[], number, number | null, AdminRelationshipState][] = [
  [
    "northwind",
    "adventure",
    "Adventure Works helpdesk",
    ["helpdesk_administrator", "user_administrator", "global_reader"],
    730,
    700,
    "active",
  ],
  ["northwind", "adventure", "Adventure Works security", ["security_reader", "security_administrator"], 365, 360, "active"],
  ["northwind", "adventure", "Adventure Works tenant rebuild", ["global_administrator"], 180, 10, "active"],
  ["northwind", "adventure", "Adventure Works onboarding 2025", ["user_administrator", "license_administrator"], 90, 130, "expired"],
  [
    "fabrikam",
    "adventure",
    "Azure operations",
    ["application_administrator", "cloud_application_administrator", "global_reader"],
    365,
    null,
    "approvalPending",
  ],
];
