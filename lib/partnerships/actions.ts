"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/actions/result";
import { runAction } from "@/lib/actions/run-action";
import { runTokenAction } from "@/lib/actions/run-token-action";
import { kickOutbox } from "@/lib/email/worker";
import { serviceContext } from "@/lib/server-context";
import { invitePartnershipSchema, partnershipRefSchema, partnershipTokenSchema } from "./schemas";
import { endPartnership, revokePartnershipInvitation } from "./ending";
import { authorizePartnership, declinePartnership, invitePartnership } from "./service";

// Session re-checked by runAction; permission, tenant and side checked by each service.

export async function invitePartnershipAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(invitePartnershipSchema, form, async (input, actor, t) => {
    const { reseller, partnership } = await invitePartnership(serviceContext(), actor, input);
    void kickOutbox();
    revalidatePath(`/partner/${input.providerId}/resellers`);
    return { ok: true, message: t("partnerships.invited", { reseller: reseller.name, email: partnership.email }) };
  });
}

export async function authorizePartnershipAction(_: ActionResult<{ to: string }>, form: FormData): Promise<ActionResult<{ to: string }>> {
  const result = await runTokenAction(partnershipTokenSchema, form, async (input, actor) => {
    const { reseller } = await authorizePartnership(serviceContext(), actor, input.token);
    void kickOutbox();
    return { ok: true, data: { to: `/partner/${reseller.id}/providers` } };
  });
  // redirect() outside the try/catch of runAction: it throws to navigate, and a catch would swallow it.
  if (result?.ok && result.data) redirect(result.data.to);
  return result;
}

export async function declinePartnershipAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runTokenAction(partnershipTokenSchema, form, async (input, actor, t) => {
    const { provider } = await declinePartnership(serviceContext(), actor, input.token);
    void kickOutbox();
    return { ok: true, message: t("partnerships.declined", { provider: provider.name }) };
  });
}

export async function revokePartnershipInvitationAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(partnershipRefSchema, form, async (input, actor, t) => {
    const { email } = await revokePartnershipInvitation(serviceContext(), actor, input);
    revalidatePath("/", "layout");
    return { ok: true, message: t("partnerships.revoked", { email }) };
  });
}

export async function endPartnershipAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(partnershipRefSchema, form, async (input, actor, t) => {
    const { provider, reseller } = await endPartnership(serviceContext(), actor, input);
    void kickOutbox();
    revalidatePath("/", "layout");
    return { ok: true, message: t("partnerships.ended", { provider: provider.name, reseller: reseller.name }) };
  });
}
