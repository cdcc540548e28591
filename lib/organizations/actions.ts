"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/result";
import { runAction } from "@/lib/actions/run-action";
import { serviceContext } from "@/lib/server-context";
import { renameOrganizationSchema } from "./schemas";
import { renameOrganization } from "./profile";

// Session re-checked by runAction; permission and tenant checked by the service.

export async function renameOrganizationAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(renameOrganizationSchema, form, async (input, actor, t) => {
    const { name } = await renameOrganization(serviceContext(), actor, input);
    // The name shows in every page's header and organization bar.
    revalidatePath("/", "layout");
    return { ok: true, message: t("team.renamed", { name }) };
  });
}
