"use client";

import { useEffect, useRef } from "react";
import { useLocale, useTranslations } from "next-intl";
import { ActionMessage } from "@/components/ui/action-message";
import { Field, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { invitePartnershipAction } from "@/lib/partnerships/actions";

/** A provider invites a reseller: its Account admin's address and its partner ID (same cloud). */
export function InviteResellerForm({ providerId }: { providerId: string }) {
  const t = useTranslations("partnerships");
  const locale = useLocale();
  const { state, pending, formProps } = useActionForm(invitePartnershipAction);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form ref={form} {...formProps} className="max-w-xl space-y-4" noValidate>
      <input type="hidden" name="providerId" value={providerId} />
      <Field id="resellerPartnerId" label={t("resellerPartnerId")} hint={t("resellerPartnerIdHint")} errors={errors?.resellerPartnerId}>
        {(aria) => <input {...aria} name="resellerPartnerId" autoComplete="off" required className={inputClass} />}
      </Field>
      <Field id="reseller-email" label={t("email")} hint={t("emailHint")} errors={errors?.email}>
        {(aria) => <input {...aria} name="email" type="email" autoComplete="off" required className={inputClass} />}
      </Field>
      <Field id="reseller-locale" label={t("locale")} errors={errors?.locale}>
        {(aria) => (
          <select {...aria} name="locale" defaultValue={locale} className={inputClass}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ActionMessage result={state && !state.ok && state.fieldErrors ? null : state} />
      <SubmitButton label={t("invite")} pendingLabel={t("inviting")} pending={pending} />
    </form>
  );
}
