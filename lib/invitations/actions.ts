"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/actions/result";
import { runAction } from "@/lib/actions/run-action";
import { runTokenAction } from "@/lib/actions/run-token-action";
import { kickOutbox } from "@/lib/email/worker";
import { serviceContext } from "@/lib/server-context";
import { acceptInvitation, declineInvitation } from "./respond";
import { acceptInvitationSchema, declineInvitationSchema, invitationRefSchema, inviteCustomerSchema } from "./schemas";
import { createInvitation, resendInvitation, revokeInvitation } from "./service";

// Every action: session re-checked by runAction, permission and tenant checked by the
// service inside its transaction, email delivered only after commit.

export async function inviteCustomerAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(inviteCustomerSchema, form, async (input, actor, t) => {
    const ctx = serviceContext();
    const { invitation } = await createInvitation(ctx, actor, input);
    void kickOutbox();
    revalidatePath(`/partner/${input.partnerId}/invitations`);
    return { ok: true, message: t("partner.invite.sent", { email: invitation.email, days: ctx.config.invitationTtlDays }) };
  });
}

export async function resendInvitationAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(invitationRefSchema, form, async (input, actor, t) => {
    const { email } = await resendInvitation(serviceContext(), actor, input);
    void kickOutbox();
    revalidatePath(`/partner/${input.partnerId}/invitations`);
    return { ok: true, message: t("partner.invitations.resent", { email }) };
  });
}

export async function revokeInvitationAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(invitationRefSchema, form, async (input, actor, t) => {
    const { email } = await revokeInvitation(serviceContext(), actor, input);
    revalidatePath(`/partner/${input.partnerId}/invitations`);
    return { ok: true, message: t("partner.invitations.revoked", { email }) };
  });
}

export async function acceptInvitationAction(
  _: ActionResult<{ customerId: string }>,
  form: FormData,
): Promise<ActionResult<{ customerId: string }>> {
  const result = await runTokenAction(acceptInvitationSchema, form, async (input, actor) => {
    const accepted = await acceptInvitation(serviceContext(), actor, input);
    void kickOutbox();
    return { ok: true, data: { customerId: accepted.customerId } };
  });
  // redirect() outside the try/catch of runAction: it throws to navigate, and a catch would swallow it.
  if (result?.ok && result.data) redirect(`/invite/${String(form.get("token"))}/done`);
  return result;
}

export async function declineInvitationAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await runTokenAction(declineInvitationSchema, form, async (input, actor) => {
    await declineInvitation(serviceContext(), actor, input.token);
    void kickOutbox();
    return { ok: true };
  });
  if (result?.ok) redirect(`/invite/${String(form.get("token"))}/done`);
  return result;
}
