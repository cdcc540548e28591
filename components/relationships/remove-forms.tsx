"use client";

import { useTranslations } from "next-intl";
import { ActionMessage } from "@/components/ui/action-message";
import { Field, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { removeCustomerAction, removePartnerAction } from "@/lib/relationships/actions";

/** The partner's removal: a written attestation, then an explicit press. */
export function RemoveCustomerForm({ partnerId, customerId }: { partnerId: string; customerId: string }) {
  const t = useTranslations("removal");
  const { state, pending, formProps } = useActionForm(removeCustomerAction);
  if (state?.ok) return null;
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form {...formProps} className="space-y-3" noValidate>
      <input type="hidden" name="partnerId" value={partnerId} />
      <input type="hidden" name="customerId" value={customerId} />
      <Field id="attestation" label={t("attestation")} hint={t("attestationHint")} errors={errors?.attestation}>
        {(aria) => <textarea {...aria} name="attestation" rows={3} maxLength={1000} className={inputClass} />}
      </Field>
      <ActionMessage result={state && !state.ok && !state.fieldErrors ? state : null} />
      <SubmitButton label={t("confirm")} pendingLabel={t("confirming")} pending={pending} variant="danger" />
    </form>
  );
}

/** The customer's removal: only the admin roles (the reseller relationship stays), or the partner entirely. */
export function RemovePartnerForm({ customerId, partnerId }: { customerId: string; partnerId: string }) {
  const t = useTranslations("removal");
  const { state, pending, formProps } = useActionForm(removePartnerAction);
  if (state?.ok) return null;
  return (
    <form {...formProps} className="space-y-3">
      <input type="hidden" name="customerId" value={customerId} />
      <input type="hidden" name="partnerId" value={partnerId} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("scopeLegend")}</legend>
        <label className="flex items-start gap-2 text-sm">
          <input type="radio" name="scope" value="admin_roles" defaultChecked className="mt-1" />
          <span>{t("scopeAdminRoles")}</span>
        </label>
        <label className="flex items-start gap-2 text-sm">
          <input type="radio" name="scope" value="everything" className="mt-1" />
          <span>{t("scopeEverything")}</span>
        </label>
      </fieldset>
      <ActionMessage result={state} />
      <SubmitButton label={t("confirmCustomer")} pendingLabel={t("confirming")} pending={pending} variant="danger" />
    </form>
  );
}
