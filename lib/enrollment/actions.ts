"use server";

import { actionFor } from "@/lib/actions/action-for";
import { approveApplication, rejectApplication } from "./decisions";
import { submitApplication, withdrawApplication } from "./service";

// Thin adapters: each operation checks who acts (the applicant, or an operator with the
// permission) and the application's state inside its transaction.

const operatorPages = () => ({ path: "/operator", type: "layout" as const });

export const applyAction = actionFor(submitApplication, {
  revalidate: () => "/enroll",
  message: (t, app) => t("enroll.submitted", { company: app.companyName }),
});

export const withdrawApplicationAction = actionFor(withdrawApplication, {
  revalidate: () => "/enroll",
  message: (t, app) => t("enroll.withdrawn", { company: app.companyName }),
});

export const approveApplicationAction = actionFor(approveApplication, {
  revalidate: operatorPages,
  message: (t, { partner }) => t("operator.applications.approved", { company: partner.name, id: partner.partnerPublicId ?? "" }),
});

export const rejectApplicationAction = actionFor(rejectApplication, {
  revalidate: operatorPages,
  message: (t, app) => t("operator.applications.rejected", { company: app.companyName }),
});
