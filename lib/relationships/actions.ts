"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/result";
import { runAction } from "@/lib/actions/run-action";
import { kickOutbox } from "@/lib/email/worker";
import { serviceContext } from "@/lib/server-context";
import { removeCustomer, removePartner } from "./removal";
import { removeCustomerSchema, removePartnerSchema } from "./schemas";

// Session re-checked by runAction; permission, tenant and the removal rules checked by the service.

export async function removeCustomerAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(removeCustomerSchema, form, async (input, actor, t) => {
    const r = await removeCustomer(serviceContext(), actor, input);
    void kickOutbox();
    revalidatePath("/", "layout");
    return { ok: true, message: t("removal.removed", { customer: r.customerName }) };
  });
}

export async function removePartnerAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(removePartnerSchema, form, async (input, actor, t) => {
    const r = await removePartner(serviceContext(), actor, input);
    void kickOutbox();
    revalidatePath("/", "layout");
    return {
      ok: true,
      message:
        input.scope === "everything"
          ? t("removal.removedPartner", { partner: r.partnerName })
          : t("removal.removedAdminRoles", { partner: r.partnerName }),
    };
  });
}
