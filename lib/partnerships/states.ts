export const PARTNERSHIP_STATES = ["invited", "active", "declined", "revoked", "ended"] as const;
export type PartnershipState = (typeof PARTNERSHIP_STATES)[number];
/** What a partnership shows as: the stored state, or "expired" for an unanswered invitation past its date. */
export type PartnershipStatus = PartnershipState | "expired";

export function partnershipStatus(row: { state: PartnershipState; expiresAt: Date }, now: Date): PartnershipStatus {
  return row.state === "invited" && row.expiresAt.getTime() <= now.getTime() ? "expired" : row.state;
}
