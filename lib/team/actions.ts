"use server";

import { actionFor } from "@/lib/actions/action-for";
import { orgHref } from "@/lib/organizations/href";
import { acceptMemberInvitation, declineMemberInvitation, inviteMember, revokeMemberInvitation } from "./invitations";
import { changeMemberRoles, removeMember } from "./service";

// Thin adapters: each operation checks the permission and the tenant inside its transaction.

const everyPage = () => ({ path: "/", type: "layout" as const });

export const inviteMemberAction = actionFor(inviteMember, {
  revalidate: everyPage,
  message: (t, { email }) => t("team.invited", { email }),
});

export const changeMemberRolesAction = actionFor(changeMemberRoles, {
  revalidate: everyPage,
  message: (t, { email }) => t("team.saved", { email }),
});

export const removeMemberAction = actionFor(removeMember, {
  revalidate: everyPage,
  message: (t, { email }) => t("team.removed", { email }),
});

export const revokeMemberInvitationAction = actionFor(revokeMemberInvitation, {
  revalidate: everyPage,
  message: (t, { email }) => t("team.revoked", { email }),
});

export const acceptMemberInvitationAction = actionFor(acceptMemberInvitation, {
  token: true,
  redirect: (joined) => orgHref({ id: joined.organizationId, kind: joined.kind }),
});

export const declineMemberInvitationAction = actionFor(declineMemberInvitation, {
  token: true,
  message: (t) => t("join.declined"),
});
