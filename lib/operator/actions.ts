"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/result";
import { runAction } from "@/lib/actions/run-action";
import { kickOutbox } from "@/lib/email/worker";
import { serviceContext } from "@/lib/server-context";
import { offboardPartner, reinstatePartner, suspendPartner } from "./partners";
import { offboardPartnerSchema, partnerStandingSchema } from "./schemas";

// Session re-checked by runAction; the operator's permission and the partner's state checked by each service.

export async function suspendPartnerAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(partnerStandingSchema, form, async (input, actor, t) => {
    const partner = await suspendPartner(serviceContext(), actor, input);
    void kickOutbox();
    revalidatePath("/", "layout");
    return { ok: true, message: t("operator.partner.suspended", { partner: partner.name }) };
  });
}

export async function reinstatePartnerAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(partnerStandingSchema, form, async (input, actor, t) => {
    const partner = await reinstatePartner(serviceContext(), actor, input);
    void kickOutbox();
    revalidatePath("/", "layout");
    return { ok: true, message: t("operator.partner.reinstated", { partner: partner.name }) };
  });
}

export async function offboardPartnerAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(offboardPartnerSchema, form, async (input, actor, t) => {
    const r = await offboardPartner(serviceContext(), actor, input);
    void kickOutbox();
    revalidatePath("/", "layout");
    return { ok: true, message: t("operator.partner.offboarded", { partner: r.partner.name, count: r.customersEnded }) };
  });
}
