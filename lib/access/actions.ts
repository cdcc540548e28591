"use server";

import { actionFor } from "@/lib/actions/action-for";
import { createAccessAssignment, removeAccessAssignment } from "./assignments";
import { updateAccessAssignment } from "./change-assignment";
import { addGroupMember, removeGroupMember } from "./groups";

// Thin adapters: each operation checks the permission and the tenant inside its transaction.

const partnerLayout = (input: { partnerId: string }) => ({ path: `/partner/${input.partnerId}`, type: "layout" as const });

export const createAccessAssignmentAction = actionFor(createAccessAssignment, {
  revalidate: partnerLayout,
  message: (t, r) => t("accessAssignments.assigned", { group: r.group, name: r.relationship }),
});

export const updateAccessAssignmentAction = actionFor(updateAccessAssignment, {
  revalidate: partnerLayout,
  message: (t, r) => t("accessAssignments.changed", { group: r.group, name: r.relationship }),
});

export const removeAccessAssignmentAction = actionFor(removeAccessAssignment, {
  revalidate: partnerLayout,
  message: (t, r) => t("accessAssignments.removed", { group: r.group }),
});

export const addGroupMemberAction = actionFor(addGroupMember, {
  revalidate: partnerLayout,
  message: (t, r) => t("groups.added", r),
});

export const removeGroupMemberAction = actionFor(removeGroupMember, {
  revalidate: partnerLayout,
  message: (t, r) => t("groups.removed", r),
});
