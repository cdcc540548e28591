import type { Organization } from "@/lib/auth/membership";
import { DomainError } from "@/lib/errors";

/**
 * A suspended partner still signs in and sees, but sends no invitation, asks for no roles and
 * sells nothing new; an offboarded one does nothing at all. Checked by every service that
 * reaches out on a partner's behalf, and again when a customer answers one of its requests.
 */
export function assertInGoodStanding(partner: Pick<Organization, "partnerState">): void {
  if (partner.partnerState === "suspended") throw new DomainError("PARTNER_SUSPENDED");
  if (partner.partnerState === "offboarded") throw new DomainError("PARTNER_OFFBOARDED");
}
