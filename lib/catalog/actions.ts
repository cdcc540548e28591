"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/result";
import { runAction } from "@/lib/actions/run-action";
import { serviceContext } from "@/lib/server-context";
import { addProductSchema, changeProductSchema, productRefSchema } from "./schemas";
import { addProduct, changeProduct, removeProduct } from "./service";

// Session re-checked by runAction; the operator's permission checked by each service.

export async function addProductAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(addProductSchema, form, async (input, actor, t) => {
    const p = await addProduct(serviceContext(), actor, input);
    revalidatePath("/operator/catalog");
    return { ok: true, message: t("catalog.added", { product: p.name }) };
  });
}

export async function changeProductAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(changeProductSchema, form, async (input, actor, t) => {
    const p = await changeProduct(serviceContext(), actor, input);
    revalidatePath("/operator/catalog");
    return { ok: true, message: t("catalog.changed", { product: p.name }) };
  });
}

export async function removeProductAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(productRefSchema, form, async (input, actor, t) => {
    const p = await removeProduct(serviceContext(), actor, input.productId);
    revalidatePath("/operator/catalog");
    return { ok: true, message: t("catalog.removed", { product: p.name }) };
  });
}
