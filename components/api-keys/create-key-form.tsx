"use client";

import { useTranslations } from "next-intl";
import { ActionMessage } from "@/components/ui/action-message";
import { Alert } from "@/components/ui/alert";
import { Field, FieldErrors, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { createApiKeyAction } from "@/lib/api-keys/actions";

/** A new key: its name, lifetime and scopes; once made, its secret is shown here, this once. */
export function CreateKeyForm({
  organizationId,
  scopes,
  lifetimes,
}: {
  organizationId: string;
  /** The permissions the person may give a key (those they hold), with their labels. */
  scopes: { id: string; label: string }[];
  lifetimes: number[];
}) {
  const t = useTranslations("apiKeys");
  const { state: result, pending, formProps } = useActionForm(createApiKeyAction, { resetOnSuccess: true });
  const errors = result && !result.ok ? result.fieldErrors : undefined;
  const secret = result?.ok ? result.data?.secret : undefined;
  return (
    <div className="space-y-4">
      {secret && (
        // The success itself is announced once, at page level (useAction); this box only holds the secret.
        <Alert tone="success">
          <label htmlFor="new-key-secret" className="block text-sm font-medium">
            {t("secret")}
          </label>
          <input
            id="new-key-secret"
            readOnly
            value={secret}
            onFocus={(e) => e.currentTarget.select()}
            aria-describedby="new-key-secret-hint"
            className={`${inputClass} font-mono`}
          />
          <p id="new-key-secret-hint" className="mt-1 text-xs">
            {t("secretHint")}
          </p>
        </Alert>
      )}
      <ActionMessage result={result} />
      <form {...formProps} className="space-y-4" noValidate aria-label={t("createTitle")}>
        <input type="hidden" name="organizationId" value={organizationId} />
        <Field id="key-name" label={t("name")} hint={t("nameHint")} errors={errors?.name}>
          {(aria) => <input {...aria} name="name" maxLength={80} autoComplete="off" required className={inputClass} />}
        </Field>
        <Field id="key-lifetime" label={t("lifetime")} errors={errors?.expiresInDays}>
          {(aria) => (
            <select {...aria} name="expiresInDays" defaultValue={String(lifetimes[1] ?? lifetimes[0])} className={inputClass}>
              {lifetimes.map((days) => (
                <option key={days} value={days}>
                  {t("lifetimeDays", { days })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="space-y-2" aria-describedby="key-scopes-hint key-scopes-error">
          <legend className="text-sm font-medium text-gray-900">{t("scopes")}</legend>
          <p id="key-scopes-hint" className="text-xs text-gray-600">
            {t("scopesHint")}
          </p>
          <div className="grid gap-1 sm:grid-cols-2">
            {scopes.map((s) => (
              <label key={s.id} className="flex items-start gap-2 text-sm">
                <input type="checkbox" name="scopes" value={s.id} className="mt-1" />
                <span>
                  {s.label} <code className="text-xs text-gray-600">{s.id}</code>
                </span>
              </label>
            ))}
          </div>
          <FieldErrors id="key-scopes-error" messages={errors?.scopes} />
        </fieldset>
        <SubmitButton label={t("create")} pendingLabel={t("creating")} pending={pending} />
      </form>
    </div>
  );
}
