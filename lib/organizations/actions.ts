"use server";

import { actionFor } from "@/lib/actions/action-for";
import { renameOrganization } from "./profile";

// A thin adapter: the operation checks the permission and the tenant inside its transaction.

export const renameOrganizationAction = actionFor(renameOrganization, {
  // The name shows in every page's header and organization bar.
  revalidate: () => ({ path: "/", type: "layout" }),
  message: (t, { name }) => t("team.renamed", { name }),
});
