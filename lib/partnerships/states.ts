import type { PartnershipState } from "@/db/values/partnerships";

/** What a partnership shows as: the stored state, or "expired" for an unanswered invitation past its date. */
export type PartnershipStatus = PartnershipState | "expired";

export function partnershipStatus(row: { state: PartnershipState; expiresAt: Date }, now: Date): PartnershipStatus {
  return row.state === "invited" && row.expiresAt.getTime() <= now.getTime() ? "expired" : row.state;
}
