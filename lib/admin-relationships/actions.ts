"use server";

import { actionFor } from "@/lib/actions/action-for";
import { getFormatter } from "@/lib/i18n/format";
import { approveAdminRelationship, rejectAdminRelationship, requestAdminRelationship, terminateAdminRelationship } from "./service";

// Thin adapters: each operation checks the permission, the tenant and the state inside its transaction.

const customerLayout = (input: { organizationId: string }) => ({ path: `/customer/${input.organizationId}`, type: "layout" as const });

export const requestAdminRelationshipAction = actionFor(requestAdminRelationship, {
  revalidate: (input) => `/partner/${input.partnerId}/customers/${input.customerId}`,
  message: (t, { customerName }, input) => t("requestAdminRelationship.sent", { name: input.name, customer: customerName }),
});

export const approveAdminRelationshipAction = actionFor(approveAdminRelationship, {
  revalidate: customerLayout,
  message: async (t, r) =>
    t("customerAdminRelationships.approved", {
      name: r.name,
      partner: r.partnerName,
      date: (await getFormatter()).dateTime(r.endsAt, { dateStyle: "long" }),
    }),
});

export const rejectAdminRelationshipAction = actionFor(rejectAdminRelationship, {
  revalidate: customerLayout,
  message: (t, r) => t("customerAdminRelationships.rejected", { name: r.name }),
});

export const terminateAdminRelationshipAction = actionFor(terminateAdminRelationship, {
  revalidate: (input) => [customerLayout(input), { path: `/partner/${input.organizationId}`, type: "layout" }],
  message: (t, r) => t("adminRelationships.terminated", { name: r.name }),
});
