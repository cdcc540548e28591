"use server";

import { actionFor } from "@/lib/actions/action-for";
import { endPartnership, revokePartnershipInvitation } from "./ending";
import { authorizePartnership, declinePartnership, invitePartnership } from "./service";

// Thin adapters: each operation checks the permission, the tenant and the side inside its transaction.

export const invitePartnershipAction = actionFor(invitePartnership, {
  revalidate: (input) => `/partner/${input.providerId}/resellers`,
  message: (t, { reseller, partnership }) => t("partnerships.invited", { reseller: reseller.name, email: partnership.email }),
});

export const authorizePartnershipAction = actionFor(authorizePartnership, {
  token: true,
  redirect: ({ reseller }) => `/partner/${reseller.id}/providers`,
});

export const declinePartnershipAction = actionFor(declinePartnership, {
  token: true,
  message: (t, { provider }) => t("partnerships.declined", { provider: provider.name }),
});

const everyPage = () => ({ path: "/", type: "layout" as const });

export const revokePartnershipInvitationAction = actionFor(revokePartnershipInvitation, {
  revalidate: everyPage,
  message: (t, { email }) => t("partnerships.revoked", { email }),
});

export const endPartnershipAction = actionFor(endPartnership, {
  revalidate: everyPage,
  message: (t, { provider, reseller }) => t("partnerships.ended", { provider: provider.name, reseller: reseller.name }),
});
