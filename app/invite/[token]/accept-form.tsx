"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { ActionMessage } from "@/components/ui/action-message";
import { Field, FieldErrors, inputClass } from "@/components/ui/field";
import { CountryField } from "@/components/ui/country-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { acceptInvitationAction } from "@/lib/invitations/actions";
import { DeclineForm } from "./decline-form";

type Tenant = { id: string; name: string; primaryDomain: string };
type Props = {
  token: string;
  partnerName: string;
  cloudName: string;
  tenants: Tenant[];
  countries: { code: string; name: string }[];
  agreement: { title: string; url: string };
};

/** Accept (choosing or naming the organization) or decline; both only by an explicit press. */
export function AcceptForm({ token, partnerName, cloudName, tenants, countries, agreement }: Props) {
  const t = useTranslations("invite");
  const { state: result, pending, formProps } = useActionForm(acceptInvitationAction);
  const [target, setTarget] = useState<string>(tenants[0]?.id ?? "new");
  const errors = result && !result.ok ? result.fieldErrors : undefined;

  const isNew = target === "new";

  return (
    <div className="space-y-6">
      <form {...formProps} className="space-y-5" noValidate>
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="target" value={isNew ? "new" : "existing"} />
        {!isNew && <input type="hidden" name="customerId" value={target} />}
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">{t("acceptFor")}</legend>
          {tenants.map((o) => (
            <label key={o.id} className="flex items-center gap-2 text-sm">
              <input type="radio" name="targetChoice" value={o.id} checked={target === o.id} onChange={() => setTarget(o.id)} />
              {t("existingOrg", { name: o.name, domain: o.primaryDomain })}
            </label>
          ))}
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="targetChoice" value="new" checked={isNew} onChange={() => setTarget("new")} />
            {t("newOrg")}
          </label>
          <FieldErrors id="target-error" messages={errors?.target} />
        </fieldset>

        {isNew && (
          <div className="space-y-4 rounded-md border border-gray-200 p-4">
            <p className="text-sm text-gray-700">{t("newOrgHint", { cloud: cloudName, partner: partnerName })}</p>
            <Field id="name" label={t("companyName")} errors={errors?.name}>
              {(aria) => <input {...aria} name="name" autoComplete="organization" className={inputClass} />}
            </Field>
            <Field id="primaryDomain" label={t("primaryDomain")} hint={t("primaryDomainHint")} errors={errors?.primaryDomain}>
              {(aria) => <input {...aria} name="primaryDomain" autoComplete="off" className={inputClass} />}
            </Field>
            <CountryField label={t("country")} choose={t("chooseCountry")} countries={countries} errors={errors?.country} />
          </div>
        )}

        <div className="space-y-1">
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="agreement" aria-describedby="agreement-error" className="mt-1" />
            <span>{t("agreement", { agreement: agreement.title })}</span>
          </label>
          <a href={agreement.url} target="_blank" rel="noreferrer noopener" className="text-sm">
            {t("agreementLink", { agreement: agreement.title })}
          </a>
          <FieldErrors id="agreement-error" messages={errors?.agreement} />
        </div>
        <ActionMessage result={result && !result.ok ? result : null} />
        <SubmitButton label={t("accept")} pendingLabel={t("accepting")} pending={pending} />
      </form>

      <DeclineForm token={token} partnerName={partnerName} />
    </div>
  );
}
