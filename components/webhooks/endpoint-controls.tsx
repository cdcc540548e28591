"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionMessage } from "@/components/ui/action-message";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { Field, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useAction } from "@/components/ui/use-action";
import { useActionForm } from "@/components/ui/use-action-form";
import {
  deleteWebhookEndpointAction,
  redeliverWebhookAction,
  replayWebhooksAction,
  rotateWebhookSecretAction,
  sendTestWebhookAction,
} from "@/lib/webhooks/actions";
import { SecretBox } from "./secret-box";

type Ref = { organizationId: string; endpointId: string };

const Hidden = ({ fields }: { fields: Record<string, string> }) =>
  Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);

export function SendTestEvent(ref: Ref) {
  const t = useTranslations();
  const [result, dispatch] = useAction(sendTestWebhookAction);
  return (
    <div>
      <form action={dispatch}>
        <Hidden fields={ref} />
        <SubmitButton label={t("webhooks.test")} pendingLabel={t("common.working")} variant="secondary" />
      </form>
      <ActionMessage result={result} />
    </div>
  );
}

/** A new secret behind a confirmation; shown here once. */
export function RotateSecret({ url, ...ref }: Ref & { url: string }) {
  const t = useTranslations();
  const [result, dispatch] = useAction(rotateWebhookSecretAction);
  return (
    <div className="space-y-2">
      {result?.ok && result.data && <SecretBox id="rotated-secret" secret={result.data.secret} />}
      <ConfirmForm
        action={dispatch}
        trigger={t("webhooks.rotate")}
        question={t("webhooks.confirmRotate", { url })}
        confirmLabel={t("webhooks.confirmRotateButton")}
        cancelLabel={t("common.cancel")}
        pendingLabel={t("common.working")}
      >
        <Hidden fields={ref} />
      </ConfirmForm>
      <ActionMessage result={result} />
    </div>
  );
}

/** Every delivery since a moment of the person's own clock, sent again; the moment goes to the server as an instant. */
export function ReplaySince(ref: Ref) {
  const t = useTranslations();
  const { state: result, pending, formProps } = useActionForm(replayWebhooksAction);
  const [since, setSince] = useState("");
  const errors = result && !result.ok ? result.fieldErrors : undefined;
  return (
    <div className="space-y-2">
      <ActionMessage result={result} />
      <form {...formProps} className="flex flex-wrap items-end gap-3" noValidate aria-label={t("webhooks.replayTitle")}>
        <Hidden fields={ref} />
        <input type="hidden" name="since" value={since} />
        <Field id="replay-since" label={t("webhooks.since")} errors={errors?.since}>
          {(aria) => (
            <input
              {...aria}
              type="datetime-local"
              required
              className={inputClass}
              onChange={(e) => setSince(e.currentTarget.value ? new Date(e.currentTarget.value).toISOString() : "")}
            />
          )}
        </Field>
        <SubmitButton label={t("webhooks.replay")} pendingLabel={t("webhooks.replaying")} pending={pending} variant="secondary" />
      </form>
    </div>
  );
}

export function DeleteEndpoint({ url, ...ref }: Ref & { url: string }) {
  const t = useTranslations();
  return (
    <ConfirmAction
      action={deleteWebhookEndpointAction}
      fields={ref}
      trigger={t("webhooks.delete")}
      question={t("webhooks.confirmDelete", { url })}
      confirmLabel={t("webhooks.confirmDeleteButton")}
    />
  );
}

export function Redeliver({ organizationId, deliveryId }: { organizationId: string; deliveryId: string }) {
  const t = useTranslations();
  const [result, dispatch] = useAction(redeliverWebhookAction);
  return (
    <div>
      <form action={dispatch}>
        <Hidden fields={{ organizationId, deliveryId }} />
        <SubmitButton label={t("webhooks.redeliver")} pendingLabel={t("common.working")} variant="secondary" />
      </form>
      <ActionMessage result={result} />
    </div>
  );
}
