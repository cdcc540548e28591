"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/result";
import { runAction } from "@/lib/actions/run-action";
import { kickOutbox } from "@/lib/email/worker";
import { serviceContext } from "@/lib/server-context";
import { assignSupportSchema, endSupportSchema, recordSupportActionSchema } from "./schemas";
import { assignSupport, endSupport, recordSupportAction } from "./service";

// Session re-checked by runAction; permission and tenant checked by each service.

export async function assignSupportAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(assignSupportSchema, form, async (input, actor, t) => {
    const r = await assignSupport(serviceContext(), actor, input);
    void kickOutbox();
    revalidatePath(`/customer/${input.customerId}`);
    return { ok: true, message: t("support.assigned", { product: r.product, partner: r.partnerName }) };
  });
}

export async function endSupportAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(endSupportSchema, form, async (input, actor, t) => {
    await endSupport(serviceContext(), actor, input);
    void kickOutbox();
    revalidatePath(`/customer/${input.customerId}`);
    return { ok: true, message: t("support.ended") };
  });
}

export async function recordSupportActionAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(recordSupportActionSchema, form, async (input, actor, t) => {
    await recordSupportAction(serviceContext(), actor, input);
    revalidatePath(`/partner/${input.partnerId}/customers`, "layout");
    return { ok: true, message: t("support.recorded") };
  });
}
