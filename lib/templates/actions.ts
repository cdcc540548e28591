"use server";

import { actionFor } from "@/lib/actions/action-for";
import { createAdminTemplate, deleteAdminTemplate, updateAdminTemplate } from "./operations";
import { requestFromTemplate } from "./request";

// Thin adapters: each operation checks the permission and the tenant inside its transaction.

const partnerLayout = (input: { partnerId: string }) => ({ path: `/partner/${input.partnerId}`, type: "layout" as const });

export const createAdminTemplateAction = actionFor(createAdminTemplate, {
  revalidate: partnerLayout,
  message: (t, r) => t("templates.created", { name: r.name }),
  redirect: (r, input) => `/partner/${input.partnerId}/templates/${r.id}`,
});

export const updateAdminTemplateAction = actionFor(updateAdminTemplate, {
  revalidate: partnerLayout,
  message: (t, r) => t("templates.changed", { name: r.name, version: r.version }),
});

export const deleteAdminTemplateAction = actionFor(deleteAdminTemplate, {
  revalidate: partnerLayout,
  message: (t, r) => t("templates.deleted", { name: r.name }),
  redirect: (_r, input) => `/partner/${input.partnerId}/templates`,
});

export const requestFromTemplateAction = actionFor(requestFromTemplate, {
  revalidate: (input) => `/partner/${input.partnerId}/customers/${input.customerId}`,
  message: (t, { customerName }, input) => t("requestAdminRelationship.sent", { name: input.name, customer: customerName }),
});
