"use server";

import { actionFor } from "@/lib/actions/action-for";
import { createApiKey, revokeApiKey } from "./operations";

// Thin adapters: each operation checks the permission and the tenant inside its transaction.

const apiPage = (input: { organizationId: string }) => `/partner/${input.organizationId}/api`;

export const createApiKeyAction = actionFor(createApiKey, {
  revalidate: apiPage,
  message: (t, key) => t("apiKeys.created", { name: key.name }),
  // The secret goes to the page that made it, once; it is stored nowhere but as its hash.
  data: (key) => ({ secret: key.secret }),
});

export const revokeApiKeyAction = actionFor(revokeApiKey, {
  revalidate: apiPage,
  message: (t, { name }) => t("apiKeys.revoked", { name }),
});
