/** A reseller relationship is active until removed. */
export const RESELLER_RELATIONSHIP_STATES = ["active", "ended"] as const;
