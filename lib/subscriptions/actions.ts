"use server";

import { validationMessage } from "@/lib/actions/run-action";
import { actionFor } from "@/lib/actions/action-for";
import { importSubscriptions } from "./import";
import { cancelSubscription, changeSeats, reactivateSubscription, suspendSubscription } from "./changes";
import { createSubscription, recordSubscription } from "./service";

// Thin adapters: each operation checks the permission, the tenant, the partner of record and the state inside its transaction.

const everyPage = () => ({ path: "/", type: "layout" as const });

export const createSubscriptionAction = actionFor(createSubscription, {
  revalidate: everyPage,
  message: (t, sub) => t("subscriptionOps.created", { product: sub.product, seats: sub.seats }),
});

export const recordSubscriptionAction = actionFor(recordSubscription, {
  revalidate: everyPage,
  message: (t, sub) => t("subscriptionOps.recorded", { product: sub.product }),
});

export const changeSeatsAction = actionFor(changeSeats, {
  revalidate: everyPage,
  message: (t, sub) => t("subscriptionOps.seatsChanged", { product: sub.product, seats: sub.seats }),
});

export const suspendSubscriptionAction = actionFor(suspendSubscription, {
  revalidate: everyPage,
  message: (t, sub) => t("subscriptionOps.done.suspend", { product: sub.product }),
});

export const reactivateSubscriptionAction = actionFor(reactivateSubscription, {
  revalidate: everyPage,
  message: (t, sub) => t("subscriptionOps.done.reactivate", { product: sub.product }),
});

export const cancelSubscriptionAction = actionFor(cancelSubscription, {
  revalidate: everyPage,
  message: (t, sub) => t("subscriptionOps.done.cancel", { product: sub.product }),
});

/** A row of the dry run as the page shows it: what was read and its errors, in the person's language. */
export type ImportReport = {
  rows: {
    line: number;
    customerDomain: string;
    customerName: string | null;
    product: string;
    seats: string;
    termEnds: string;
    status: string;
    errors: string[];
  }[];
  fileErrors: string[];
  imported: number;
  mode: "dry-run" | "import";
};

export const importSubscriptionsAction = actionFor(importSubscriptions, {
  revalidate: (_, sheet) => (sheet.imported > 0 ? everyPage() : null),
  message: (t, sheet) => (sheet.imported > 0 ? t("subscriptionOps.import.imported", { count: sheet.imported }) : undefined),
  data: (sheet, input, t): ImportReport => {
    const translate = (keys: string[]) => keys.map((k) => validationMessage(t, k));
    return {
      // What would be written stays on the server; the page shows what was read and its errors.
      rows: sheet.rows.map((r) => ({
        line: r.line,
        customerDomain: r.customerDomain,
        customerName: r.customerName,
        product: r.product,
        seats: r.seats,
        termEnds: r.termEnds,
        status: r.status,
        errors: translate(r.errors),
      })),
      fileErrors: translate(sheet.fileErrors),
      imported: sheet.imported,
      mode: input.mode,
    };
  },
});
