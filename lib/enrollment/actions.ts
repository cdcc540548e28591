"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/result";
import { runAction } from "@/lib/actions/run-action";
import { kickOutbox } from "@/lib/email/worker";
import { requestIp } from "@/lib/rate-limits/request";
import { serviceContext } from "@/lib/server-context";
import { applicationRefSchema, applySchema, approveApplicationSchema, rejectApplicationSchema } from "./schemas";
import { approveApplication, rejectApplication } from "./decisions";
import { submitApplication, withdrawApplication } from "./service";

// Session re-checked by runAction; the operator's permission and the application's state checked by each service.

export async function applyAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(applySchema, form, async (input, actor, t) => {
    const app = await submitApplication(serviceContext(), actor, { ...input, clientIp: await requestIp() });
    void kickOutbox();
    revalidatePath("/enroll");
    return { ok: true, message: t("enroll.submitted", { company: app.companyName }) };
  });
}

export async function withdrawApplicationAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(applicationRefSchema, form, async (input, actor, t) => {
    const app = await withdrawApplication(serviceContext(), actor, input.applicationId);
    revalidatePath("/enroll");
    return { ok: true, message: t("enroll.withdrawn", { company: app.companyName }) };
  });
}

export async function approveApplicationAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(approveApplicationSchema, form, async (input, actor, t) => {
    const { partner } = await approveApplication(serviceContext(), actor, input);
    void kickOutbox();
    revalidatePath("/operator", "layout");
    return { ok: true, message: t("operator.applications.approved", { company: partner.name, id: partner.partnerPublicId ?? "" }) };
  });
}

export async function rejectApplicationAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(rejectApplicationSchema, form, async (input, actor, t) => {
    const app = await rejectApplication(serviceContext(), actor, input);
    void kickOutbox();
    revalidatePath("/operator", "layout");
    return { ok: true, message: t("operator.applications.rejected", { company: app.companyName }) };
  });
}
