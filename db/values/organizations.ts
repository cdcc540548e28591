/** A tenant is a partner, a customer, or the program operator that runs this instance. */
export const ORGANIZATION_KINDS = ["partner", "customer", "operator"] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const PARTNER_TYPES = ["direct", "indirect_provider", "indirect_reseller"] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

/**
 * Where a partner stands with the program. Suspended: its people still sign in and see, but
 * send no invitation and ask for no roles. Offboarded: its relationships have ended for good.
 * Customers and the operator are always "active".
 */
export const PARTNER_STATES = ["active", "suspended", "offboarded"] as const;
export type PartnerState = (typeof PARTNER_STATES)[number];

/** The separate national clouds (rule 7). Per-cloud behaviour lives in lib/clouds.ts. */
export const CLOUDS = ["global", "usgov", "germany", "china"] as const;
export type Cloud = (typeof CLOUDS)[number];
