"use client";

import { useTranslations } from "next-intl";
import { ActionMessage } from "@/components/ui/action-message";
import { Field, FieldErrors, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ServerAction } from "@/components/ui/use-action";
import { useActionForm } from "@/components/ui/use-action-form";
import { createWebhookEndpointAction, updateWebhookEndpointAction } from "@/lib/webhooks/actions";
import { SecretBox } from "./secret-box";

type Existing = { id: string; url: string; description: string | null; eventTypes: string[]; enabled: boolean };

/** Adds an endpoint (its secret shown once, here) or changes one: address, description, events, on or off. */
export function EndpointForm({
  organizationId,
  eventTypes,
  endpoint,
}: {
  organizationId: string;
  eventTypes: readonly string[];
  endpoint?: Existing;
}) {
  const t = useTranslations("webhooks");
  const action = (endpoint ? updateWebhookEndpointAction : createWebhookEndpointAction) as ServerAction<{ secret: string } | undefined>;
  const { state: result, pending, formProps } = useActionForm(action, { resetOnSuccess: !endpoint });
  const errors = result && !result.ok ? result.fieldErrors : undefined;
  const secret = result?.ok ? result.data?.secret : undefined;
  const prefix = endpoint ? "endpoint" : "new-endpoint";
  return (
    <div className="space-y-4">
      {secret && <SecretBox id="new-endpoint-secret" secret={secret} />}
      <ActionMessage result={result} />
      <form {...formProps} className="space-y-4" noValidate aria-label={endpoint ? t("settingsTitle") : t("addTitle")}>
        <input type="hidden" name="organizationId" value={organizationId} />
        {endpoint && <input type="hidden" name="endpointId" value={endpoint.id} />}
        <Field id={`${prefix}-url`} label={t("url")} hint={t("urlHint")} errors={errors?.url}>
          {(aria) => (
            <input
              {...aria}
              name="url"
              type="url"
              inputMode="url"
              defaultValue={endpoint?.url}
              maxLength={2000}
              required
              className={inputClass}
            />
          )}
        </Field>
        <Field id={`${prefix}-description`} label={t("description")} errors={errors?.description}>
          {(aria) => (
            <input {...aria} name="description" defaultValue={endpoint?.description ?? ""} maxLength={200} className={inputClass} />
          )}
        </Field>
        <fieldset className="space-y-2" aria-describedby={`${prefix}-events-hint ${prefix}-events-error`}>
          <legend className="text-sm font-medium text-gray-900">{t("events")}</legend>
          <p id={`${prefix}-events-hint`} className="text-xs text-gray-600">
            {t("eventsHint")}
          </p>
          <div className="grid gap-1 sm:grid-cols-2">
            {eventTypes.map((type) => (
              <label key={type} className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  name="eventTypes"
                  value={type}
                  defaultChecked={endpoint?.eventTypes.includes(type)}
                  className="mt-1"
                />
                <code className="text-xs">{type}</code>
              </label>
            ))}
          </div>
          <FieldErrors id={`${prefix}-events-error`} messages={errors?.eventTypes} />
        </fieldset>
        {endpoint && (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="enabled" defaultChecked={endpoint.enabled} />
            {t("enabled")}
          </label>
        )}
        <SubmitButton label={endpoint ? t("save") : t("add")} pendingLabel={endpoint ? t("saving") : t("adding")} pending={pending} />
      </form>
    </div>
  );
}
