"use server";

import { actionFor } from "@/lib/actions/action-for";
import { serviceContext } from "@/lib/server-context";
import { acceptInvitation, declineInvitation } from "./respond";
import { createInvitation, resendInvitation, revokeInvitation } from "./service";

// Thin adapters: each operation checks the session's person, the permission and the tenant
// inside its transaction; queued email leaves after commit.

const invitationsPage = (input: { partnerId: string }) => `/partner/${input.partnerId}/invitations`;

export const inviteCustomerAction = actionFor(createInvitation, {
  revalidate: invitationsPage,
  message: (t, { invitation }) => t("partner.invite.sent", { email: invitation.email, days: serviceContext().config.invitationTtlDays }),
});

export const resendInvitationAction = actionFor(resendInvitation, {
  revalidate: invitationsPage,
  message: (t, { email }) => t("partner.invitations.resent", { email }),
});

export const revokeInvitationAction = actionFor(revokeInvitation, {
  revalidate: invitationsPage,
  message: (t, { email }) => t("partner.invitations.revoked", { email }),
});

const done = (input: { token: string }) => `/invite/${input.token}/done`;

export const acceptInvitationAction = actionFor(acceptInvitation, { token: true, redirect: (_, input) => done(input) });

export const declineInvitationAction = actionFor(declineInvitation, { token: true, redirect: (_, input) => done(input) });
