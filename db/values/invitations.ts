/** The stored states of a reseller invitation (what people see adds "expired": lib/invitations/status.ts). */
export const INVITATION_STATES = ["sent", "opened", "accepted", "declined", "revoked"] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];
