"use server";

import { actionFor } from "@/lib/actions/action-for";
import { offboardPartner, reinstatePartner, suspendPartner } from "./partners";

// Thin adapters: each operation checks the operator's permission and the partner's state inside its transaction.

const everyPage = () => ({ path: "/", type: "layout" as const });

export const suspendPartnerAction = actionFor(suspendPartner, {
  revalidate: everyPage,
  message: (t, partner) => t("operator.partner.suspended", { partner: partner.name }),
});

export const reinstatePartnerAction = actionFor(reinstatePartner, {
  revalidate: everyPage,
  message: (t, partner) => t("operator.partner.reinstated", { partner: partner.name }),
});

export const offboardPartnerAction = actionFor(offboardPartner, {
  revalidate: everyPage,
  message: (t, r) => t("operator.partner.offboarded", { partner: r.partner.name, count: r.customersEnded }),
});
