import type { Actor } from "@/lib/auth/membership";
import { normalizeEmail } from "@/lib/email/normalize";
import { DomainError } from "@/lib/errors";
import { invitationStatus } from "./status";
import type { InvitationState } from "@/db/values/invitations";

type Answerable = { state: InvitationState; expiresAt: Date; email: string };

/**
 * The rules every emailed invitation link obeys, reseller or member: it exists, is neither
 * revoked, expired nor already answered, and only the invited address may answer it.
 */
export function assertAnswerable<T extends Answerable>(inv: T | null, actor: Actor, now: Date): T {
  if (!inv) throw new DomainError("INVITATION_INVALID");
  const status = invitationStatus(inv, now);
  if (status === "revoked") throw new DomainError("INVITATION_REVOKED");
  if (status === "expired") throw new DomainError("INVITATION_EXPIRED");
  if (status === "accepted" || status === "declined") throw new DomainError("INVITATION_USED");
  if (normalizeEmail(actor.email) !== inv.email) throw new DomainError("WRONG_ACCOUNT", { email: inv.email });
  return inv;
}
