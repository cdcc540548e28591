"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/result";
import { runAction, validationMessage } from "@/lib/actions/run-action";
import { kickOutbox } from "@/lib/email/worker";
import { serviceContext } from "@/lib/server-context";
import type { SubscriptionEvent } from "./lifecycle";
import { importSubscriptions, planImport } from "./import";
import {
  changeSeatsSchema,
  createSubscriptionSchema,
  importSubscriptionsSchema,
  recordSubscriptionSchema,
  subscriptionRefSchema,
} from "./schemas";
import { changeSeats, changeSubscriptionState, createSubscription, recordSubscription } from "./service";

// Session re-checked by runAction; permission, tenant, partner of record and state checked by the service.

export async function createSubscriptionAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(createSubscriptionSchema, form, async (input, actor, t) => {
    const sub = await createSubscription(serviceContext(), actor, input);
    void kickOutbox();
    revalidatePath("/", "layout");
    return { ok: true, message: t("subscriptionOps.created", { product: sub.product, seats: sub.seats }) };
  });
}

export async function recordSubscriptionAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(recordSubscriptionSchema, form, async (input, actor, t) => {
    const sub = await recordSubscription(serviceContext(), actor, input);
    void kickOutbox();
    revalidatePath("/", "layout");
    return { ok: true, message: t("subscriptionOps.recorded", { product: sub.product }) };
  });
}

export async function changeSeatsAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(changeSeatsSchema, form, async (input, actor, t) => {
    const sub = await changeSeats(serviceContext(), actor, input);
    void kickOutbox();
    revalidatePath("/", "layout");
    return { ok: true, message: t("subscriptionOps.seatsChanged", { product: sub.product, seats: sub.seats }) };
  });
}

function stateAction(event: SubscriptionEvent): (form: FormData) => Promise<ActionResult> {
  return (form: FormData) =>
    runAction(subscriptionRefSchema, form, async (input, actor, t) => {
      const sub = await changeSubscriptionState(serviceContext(), actor, { ...input, event });
      void kickOutbox();
      revalidatePath("/", "layout");
      return { ok: true, message: t(`subscriptionOps.done.${event}`, { product: sub.product }) };
    });
}

export async function suspendSubscriptionAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return stateAction("suspend")(form);
}

export async function reactivateSubscriptionAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return stateAction("reactivate")(form);
}

export async function cancelSubscriptionAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return stateAction("cancel")(form);
}

/** A row of the dry run as the page shows it: what was read and its errors, in the person's language. */
export type ImportReport = {
  rows: {
    line: number;
    customerDomain: string;
    customerName: string | null;
    product: string;
    seats: string;
    termEnds: string;
    status: string;
    errors: string[];
  }[];
  fileErrors: string[];
  imported: number;
  mode: "dry-run" | "import";
};

export async function importSubscriptionsAction(_: ActionResult<ImportReport>, form: FormData): Promise<ActionResult<ImportReport>> {
  return runAction(importSubscriptionsSchema, form, async (input, actor, t) => {
    const ctx = serviceContext();
    const sheet =
      input.mode === "import" ? await importSubscriptions(ctx, actor, input) : { ...(await planImport(ctx, actor, input)), imported: 0 };
    const translate = (keys: string[]) => keys.map((k) => validationMessage(t, k));
    const data: ImportReport = {
      // What would be written stays on the server; the page shows what was read and its errors.
      rows: sheet.rows.map((r) => ({
        line: r.line,
        customerDomain: r.customerDomain,
        customerName: r.customerName,
        product: r.product,
        seats: r.seats,
        termEnds: r.termEnds,
        status: r.status,
        errors: translate(r.errors),
      })),
      fileErrors: translate(sheet.fileErrors),
      imported: sheet.imported,
      mode: input.mode,
    };
    if (sheet.imported > 0) {
      void kickOutbox();
      revalidatePath("/", "layout");
      return { ok: true, data, message: t("subscriptionOps.import.imported", { count: sheet.imported }) };
    }
    return { ok: true, data };
  });
}
