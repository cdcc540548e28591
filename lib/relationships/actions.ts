"use server";

import { actionFor } from "@/lib/actions/action-for";
import { removeCustomer, removePartner } from "./removal";

// Thin adapters: each operation checks the permission, the tenant and the removal rules inside its transaction.

const everyPage = () => ({ path: "/", type: "layout" as const });

export const removeCustomerAction = actionFor(removeCustomer, {
  revalidate: everyPage,
  message: (t, r) => t("removal.removed", { customer: r.customerName }),
});

export const removePartnerAction = actionFor(removePartner, {
  revalidate: everyPage,
  message: (t, r, input) =>
    input.scope === "everything"
      ? t("removal.removedPartner", { partner: r.partnerName })
      : t("removal.removedAdminRoles", { partner: r.partnerName }),
});
