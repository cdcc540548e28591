"use server";

import { actionFor } from "@/lib/actions/action-for";
import { addProduct, changeProduct, removeProduct } from "./service";

// Thin adapters: each operation checks the operator's permission inside its transaction.

const catalogPage = () => "/operator/catalog";

export const addProductAction = actionFor(addProduct, {
  revalidate: catalogPage,
  message: (t, p) => t("catalog.added", { product: p.name }),
});

export const changeProductAction = actionFor(changeProduct, {
  revalidate: catalogPage,
  message: (t, p) => t("catalog.changed", { product: p.name }),
});

export const removeProductAction = actionFor(removeProduct, {
  revalidate: catalogPage,
  message: (t, p) => t("catalog.removed", { product: p.name }),
});
