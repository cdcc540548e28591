/** The stored states of a two-tier partnership (what people see adds "expired": lib/partnerships/states.ts). */
export const PARTNERSHIP_STATES = ["invited", "active", "declined", "revoked", "ended"] as const;
export type PartnershipState = (typeof PARTNERSHIP_STATES)[number];
