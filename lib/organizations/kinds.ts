export const ORGANIZATION_KINDS = ["partner", "customer"] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const PARTNER_TYPES = ["direct", "indirect_provider", "indirect_reseller"] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

/** The separate national clouds (rule 7). Per-cloud behaviour lives in lib/clouds.ts. */
export const CLOUDS = ["global", "usgov", "germany", "china"] as const;
export type Cloud = (typeof CLOUDS)[number];
