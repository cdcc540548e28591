"use client";

import { useTranslations } from "next-intl";
import { ActionMessage } from "@/components/ui/action-message";
import { Field, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { requestFromTemplateAction } from "@/lib/templates/actions";

type Props = { partnerId: string; customerId: string; templates: { id: string; name: string; version: number }[] };

/** Asks the customer for a template's roles under a name of the partner's choosing; its groups are mapped on approval. */
export function RequestFromTemplate({ partnerId, customerId, templates }: Props) {
  const t = useTranslations("templates");
  const { state: result, pending, formProps } = useActionForm(requestFromTemplateAction, { resetOnSuccess: true });
  const errors = result && !result.ok ? result.fieldErrors : undefined;
  return (
    <form {...formProps} className="space-y-3 rounded-md border border-dashed border-gray-300 p-3" aria-label={t("requestWith")} noValidate>
      <h3 className="font-semibold">{t("requestWith")}</h3>
      <p className="text-xs text-gray-600">{t("requestWithHint")}</p>
      <input type="hidden" name="partnerId" value={partnerId} />
      <input type="hidden" name="customerId" value={customerId} />
      <div className="flex flex-wrap items-start gap-3">
        <Field id="from-template" label={t("template")} errors={errors?.templateId}>
          {(aria) => (
            <select {...aria} name="templateId" defaultValue="" className={`${inputClass} max-w-xs`}>
              <option value="">{t("chooseTemplate")}</option>
              {templates.map((tpl) => (
                <option key={tpl.id} value={tpl.id}>
                  {tpl.name} ({t("versionN", { version: tpl.version })})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="from-template-name" label={t("relationshipName")} errors={errors?.name}>
          {(aria) => <input {...aria} name="name" maxLength={50} className={`${inputClass} max-w-xs`} />}
        </Field>
      </div>
      <ActionMessage result={result && !result.ok && !result.fieldErrors ? result : null} />
      <SubmitButton label={t("send")} pendingLabel={t("sending")} pending={pending} variant="secondary" />
    </form>
  );
}
