"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/actions/result";
import { runAction } from "@/lib/actions/run-action";
import { runTokenAction } from "@/lib/actions/run-token-action";
import { kickOutbox } from "@/lib/email/worker";
import { orgHref } from "@/lib/organizations/href";
import { serviceContext } from "@/lib/server-context";
import { inviteMemberSchema, memberInvitationRefSchema, memberRefSchema, memberRolesSchema, memberTokenSchema } from "./schemas";
import { acceptMemberInvitation, declineMemberInvitation, inviteMember, revokeMemberInvitation } from "./invitations";
import { changeMemberRoles, removeMember } from "./service";

// Session re-checked by runAction; permission and tenant checked by each service.

export async function inviteMemberAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(inviteMemberSchema, form, async (input, actor, t) => {
    const { email } = await inviteMember(serviceContext(), actor, input);
    void kickOutbox();
    revalidatePath("/", "layout");
    return { ok: true, message: t("team.invited", { email }) };
  });
}

export async function changeMemberRolesAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(memberRolesSchema, form, async (input, actor, t) => {
    const { email } = await changeMemberRoles(serviceContext(), actor, input);
    revalidatePath("/", "layout");
    return { ok: true, message: t("team.saved", { email }) };
  });
}

export async function removeMemberAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(memberRefSchema, form, async (input, actor, t) => {
    const { email } = await removeMember(serviceContext(), actor, input);
    revalidatePath("/", "layout");
    return { ok: true, message: t("team.removed", { email }) };
  });
}

export async function revokeMemberInvitationAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(memberInvitationRefSchema, form, async (input, actor, t) => {
    const { email } = await revokeMemberInvitation(serviceContext(), actor, input);
    revalidatePath("/", "layout");
    return { ok: true, message: t("team.revoked", { email }) };
  });
}

export async function acceptMemberInvitationAction(_: ActionResult<{ to: string }>, form: FormData): Promise<ActionResult<{ to: string }>> {
  const result = await runTokenAction(memberTokenSchema, form, async (input, actor) => {
    const joined = await acceptMemberInvitation(serviceContext(), actor, input.token);
    return { ok: true, data: { to: orgHref({ id: joined.organizationId, kind: joined.kind }) } };
  });
  if (result?.ok && result.data) redirect(result.data.to);
  return result;
}

export async function declineMemberInvitationAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runTokenAction(memberTokenSchema, form, async (input, actor, t) => {
    await declineMemberInvitation(serviceContext(), actor, input.token);
    return { ok: true, message: t("join.declined") };
  });
}
