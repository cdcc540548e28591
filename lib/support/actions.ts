"use server";

import { actionFor } from "@/lib/actions/action-for";
import { assignSupport, endSupport, recordSupportAction } from "./service";

// Thin adapters: each operation checks the permission and the tenant inside its transaction.

export const assignSupportAction = actionFor(assignSupport, {
  revalidate: (input) => `/customer/${input.customerId}`,
  message: (t, r) => t("support.assigned", { product: r.product, partner: r.partnerName }),
});

export const endSupportAction = actionFor(endSupport, {
  revalidate: (input) => `/customer/${input.customerId}`,
  message: (t) => t("support.ended"),
});

export const recordSupportActionAction = actionFor(recordSupportAction, {
  revalidate: (input) => ({ path: `/partner/${input.partnerId}/customers`, type: "layout" }),
  message: (t) => t("support.recorded"),
});
