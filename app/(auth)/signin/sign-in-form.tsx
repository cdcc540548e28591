"use client";

import { useTranslations } from "next-intl";
import { ActionMessage } from "@/components/ui/action-message";
import { Field, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { signInAction } from "@/lib/auth/actions";

export function SignInForm({ email, redirectTo }: { email?: string; redirectTo?: string }) {
  const t = useTranslations("signIn");
  const { state: result, pending, formProps } = useActionForm(signInAction);
  const errors = result && !result.ok ? result.fieldErrors : undefined;

  return (
    <form {...formProps} className="space-y-4" noValidate>
      <input type="hidden" name="redirectTo" value={redirectTo ?? "/"} />
      <Field id="email" label={t("email")} errors={errors?.email}>
        {(aria) => <input {...aria} name="email" type="email" autoComplete="email" required defaultValue={email} className={inputClass} />}
      </Field>
      <ActionMessage result={result && !result.ok && !result.fieldErrors ? result : null} />
      <SubmitButton label={t("submit")} pendingLabel={t("pending")} pending={pending} />
    </form>
  );
}
