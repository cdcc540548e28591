"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/result";
import { runAction } from "@/lib/actions/run-action";
import { serviceContext } from "@/lib/server-context";
import { createAccessAssignment, removeAccessAssignment } from "./assignments";
import { addGroupMember, removeGroupMember } from "./groups";
import { accessAssignmentRefSchema, createAccessAssignmentSchema, groupMemberSchema } from "./schemas";

// Session re-checked by runAction; permission and tenant checked by each service.

export async function createAccessAssignmentAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(createAccessAssignmentSchema, form, async (input, actor, t) => {
    const r = await createAccessAssignment(serviceContext(), actor, input);
    revalidatePath(`/partner/${input.partnerId}`, "layout");
    return { ok: true, message: t("accessAssignments.assigned", { group: r.group, name: r.relationship }) };
  });
}

export async function removeAccessAssignmentAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(accessAssignmentRefSchema, form, async (input, actor, t) => {
    const r = await removeAccessAssignment(serviceContext(), actor, input);
    revalidatePath(`/partner/${input.partnerId}`, "layout");
    return { ok: true, message: t("accessAssignments.removed", { group: r.group }) };
  });
}

export async function addGroupMemberAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(groupMemberSchema, form, async (input, actor, t) => {
    const r = await addGroupMember(serviceContext(), actor, input);
    revalidatePath(`/partner/${input.partnerId}`, "layout");
    return { ok: true, message: t("groups.added", r) };
  });
}

export async function removeGroupMemberAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(groupMemberSchema, form, async (input, actor, t) => {
    const r = await removeGroupMember(serviceContext(), actor, input);
    revalidatePath(`/partner/${input.partnerId}`, "layout");
    return { ok: true, message: t("groups.removed", r) };
  });
}
