import { INVITATION_STATES, type InvitationState } from "@/db/values/invitations";

/** What people see: the stored state, or "expired" once an open invitation's time is up. */
export type InvitationStatus = InvitationState | "expired";
export const INVITATION_STATUSES: readonly InvitationStatus[] = [...INVITATION_STATES, "expired"];

export function invitationStatus(inv: { state: InvitationState; expiresAt: Date }, now: Date): InvitationStatus {
  const open = inv.state === "sent" || inv.state === "opened";
  return open && inv.expiresAt.getTime() <= now.getTime() ? "expired" : inv.state;
}

export function isOpen(status: InvitationStatus): boolean {
  return status === "sent" || status === "opened";
}
