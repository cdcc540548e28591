"use server";

import { revalidatePath } from "next/cache";
import { getFormatter } from "@/lib/i18n/format";
import type { ActionResult } from "@/lib/actions/result";
import { runAction } from "@/lib/actions/run-action";
import { kickOutbox } from "@/lib/email/worker";
import { serviceContext } from "@/lib/server-context";
import { adminRelationshipRefSchema, requestAdminRelationshipSchema } from "./schemas";
import { approveAdminRelationship, rejectAdminRelationship, requestAdminRelationship, terminateAdminRelationship } from "./service";

// Session re-checked by runAction; permission, tenant and state checked by the service.

export async function requestAdminRelationshipAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(requestAdminRelationshipSchema, form, async (input, actor, t) => {
    const { customerName } = await requestAdminRelationship(serviceContext(), actor, input);
    void kickOutbox();
    revalidatePath(`/partner/${input.partnerId}/customers/${input.customerId}`);
    return { ok: true, message: t("requestAdminRelationship.sent", { name: input.name, customer: customerName }) };
  });
}

export async function approveAdminRelationshipAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(adminRelationshipRefSchema, form, async (input, actor, t) => {
    const r = await approveAdminRelationship(serviceContext(), actor, input);
    void kickOutbox();
    revalidatePath(`/customer/${input.organizationId}`, "layout");
    const date = (await getFormatter()).dateTime(r.endsAt, { dateStyle: "long" });
    return { ok: true, message: t("customerAdminRelationships.approved", { name: r.name, partner: r.partnerName, date }) };
  });
}

export async function rejectAdminRelationshipAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(adminRelationshipRefSchema, form, async (input, actor, t) => {
    const r = await rejectAdminRelationship(serviceContext(), actor, input);
    void kickOutbox();
    revalidatePath(`/customer/${input.organizationId}`, "layout");
    return { ok: true, message: t("customerAdminRelationships.rejected", { name: r.name }) };
  });
}

export async function terminateAdminRelationshipAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(adminRelationshipRefSchema, form, async (input, actor, t) => {
    const r = await terminateAdminRelationship(serviceContext(), actor, input);
    void kickOutbox();
    revalidatePath(`/customer/${input.organizationId}`, "layout");
    revalidatePath(`/partner/${input.organizationId}`, "layout");
    return { ok: true, message: t("adminRelationships.terminated", { name: r.name }) };
  });
}
