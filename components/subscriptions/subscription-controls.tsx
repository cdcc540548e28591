"use client";

import { useTranslations } from "next-intl";
import { ActionMessage } from "@/components/ui/action-message";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { FieldErrors, fieldLookClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import {
  cancelSubscriptionAction,
  changeSeatsAction,
  reactivateSubscriptionAction,
  suspendSubscriptionAction,
} from "@/lib/subscriptions/actions";
import type { SubscriptionState } from "@/db/values/subscriptions";

type Props = { organizationId: string; subscription: { id: string; product: string; seats: number; state: SubscriptionState } };

/** What the partner of record (or the customer, for what it recorded) can do to one subscription. */
export function SubscriptionControls({ organizationId, subscription: s }: Props) {
  const t = useTranslations("subscriptionOps");
  const seats = useActionForm(changeSeatsAction);
  const reactivate = useActionForm(reactivateSubscriptionAction);
  const fields = { organizationId, subscriptionId: s.id };
  const seatErrors = seats.state && !seats.state.ok ? seats.state.fieldErrors : undefined;
  if (s.state === "cancelled") return null;
  return (
    <div className="flex flex-wrap items-start gap-2">
      {s.state === "active" && (
        <form {...seats.formProps} className="flex items-start gap-2" aria-label={t("seatsTitle", { product: s.product })} noValidate>
          <input type="hidden" name="organizationId" value={organizationId} />
          <input type="hidden" name="subscriptionId" value={s.id} />
          <div>
            <label htmlFor={`seats-${s.id}`} className="sr-only">
              {t("seats")}
            </label>
            <input
              id={`seats-${s.id}`}
              name="seats"
              type="number"
              min={1}
              max={100000}
              defaultValue={s.seats}
              aria-describedby={`seats-${s.id}-error`}
              className={`${fieldLookClass} w-24`}
            />
            <FieldErrors id={`seats-${s.id}-error`} messages={seatErrors?.seats} />
          </div>
          <SubmitButton label={t("setSeats")} pendingLabel={t("saving")} pending={seats.pending} variant="secondary" />
          <ActionMessage result={seats.state && !seats.state.ok && !seats.state.fieldErrors ? seats.state : null} />
        </form>
      )}
      {s.state === "active" && (
        <ConfirmAction
          action={suspendSubscriptionAction}
          fields={fields}
          trigger={t("suspend")}
          question={t("confirmSuspend", { product: s.product })}
          confirmLabel={t("suspendConfirm")}
        />
      )}
      {s.state === "suspended" && (
        <form {...reactivate.formProps} aria-label={t("reactivate")}>
          <input type="hidden" name="organizationId" value={organizationId} />
          <input type="hidden" name="subscriptionId" value={s.id} />
          <SubmitButton label={t("reactivate")} pendingLabel={t("saving")} pending={reactivate.pending} variant="secondary" />
          <ActionMessage result={reactivate.state && !reactivate.state.ok ? reactivate.state : null} />
        </form>
      )}
      <ConfirmAction
        action={cancelSubscriptionAction}
        fields={fields}
        trigger={t("cancel")}
        question={t("confirmCancel", { product: s.product })}
        confirmLabel={t("cancelConfirm")}
      />
    </div>
  );
}
