"use client";

import { useTranslations } from "next-intl";
import { ActionMessage } from "@/components/ui/action-message";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { Field, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { assignSupportAction, endSupportAction, recordSupportActionAction } from "@/lib/support/actions";

type Option = { id: string; name: string };

/** The customer's Global administrator picks a partner to support a subscription it did not sell. */
export function AssignSupportForm({
  customerId,
  subscriptionId,
  product,
  partners,
}: {
  customerId: string;
  subscriptionId: string;
  product: string;
  partners: Option[];
}) {
  const t = useTranslations("support");
  const { state, pending, formProps } = useActionForm(assignSupportAction);
  const id = `support-partner-${subscriptionId}`;
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form {...formProps} className="flex flex-wrap items-end gap-2" noValidate>
      <input type="hidden" name="customerId" value={customerId} />
      <input type="hidden" name="subscriptionId" value={subscriptionId} />
      <Field id={id} label={t("assignLabel", { product })} errors={errors?.partnerId}>
        {(aria) => (
          <select {...aria} name="partnerId" defaultValue="" className={`${inputClass} min-w-48`}>
            <option value="">{t("choosePartner")}</option>
            {partners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <SubmitButton label={t("assign")} pendingLabel={t("assigning")} pending={pending} />
      <ActionMessage result={state && !state.ok && state.fieldErrors ? null : state} />
    </form>
  );
}

export function EndSupportButton({
  customerId,
  assignmentId,
  product,
  partner,
}: {
  customerId: string;
  assignmentId: string;
  product: string;
  partner: string;
}) {
  const t = useTranslations("support");
  return (
    <ConfirmAction
      action={endSupportAction}
      fields={{ customerId, assignmentId }}
      trigger={t("end")}
      question={t("confirmEnd", { product, partner })}
      confirmLabel={t("confirmEndButton")}
    />
  );
}

/** The supporting partner writes down what it did. */
export function RecordSupportActionForm({ partnerId, assignmentId }: { partnerId: string; assignmentId: string }) {
  const t = useTranslations("support");
  const { state, pending, formProps } = useActionForm(recordSupportActionAction, { resetOnSuccess: true });
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form {...formProps} className="space-y-2" noValidate>
      <input type="hidden" name="partnerId" value={partnerId} />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <Field id={`note-${assignmentId}`} label={t("note")} hint={t("noteHint")} errors={errors?.note}>
        {(aria) => <textarea {...aria} name="note" rows={2} maxLength={2000} className={inputClass} />}
      </Field>
      <ActionMessage result={state && !state.ok && state.fieldErrors ? null : state} />
      <SubmitButton label={t("record")} pendingLabel={t("recording")} pending={pending} />
    </form>
  );
}
