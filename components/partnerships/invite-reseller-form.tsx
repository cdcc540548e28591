"use client";

import { useTranslations } from "next-intl";
import { ActionMessage } from "@/components/ui/action-message";
import { Field, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { EmailLocaleField } from "@/components/ui/email-locale-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { invitePartnershipAction } from "@/lib/partnerships/actions";

/** A provider invites a reseller: its Account admin's address and its partner ID (same cloud). */
export function InviteResellerForm({ providerId }: { providerId: string }) {
  const t = useTranslations("partnerships");
  const { state, pending, formProps } = useActionForm(invitePartnershipAction, { resetOnSuccess: true });
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form {...formProps} className="max-w-xl space-y-4" noValidate>
      <input type="hidden" name="providerId" value={providerId} />
      <Field id="resellerPartnerId" label={t("resellerPartnerId")} hint={t("resellerPartnerIdHint")} errors={errors?.resellerPartnerId}>
        {(aria) => <input {...aria} name="resellerPartnerId" autoComplete="off" required className={inputClass} />}
      </Field>
      <Field id="reseller-email" label={t("email")} hint={t("emailHint")} errors={errors?.email}>
        {(aria) => <input {...aria} name="email" type="email" autoComplete="off" required className={inputClass} />}
      </Field>
      <EmailLocaleField id="reseller-locale" label={t("locale")} errors={errors?.locale} />
      <ActionMessage result={state && !state.ok && state.fieldErrors ? null : state} />
      <SubmitButton label={t("invite")} pendingLabel={t("inviting")} pending={pending} />
    </form>
  );
}
