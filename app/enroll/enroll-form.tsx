"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { ActionMessage } from "@/components/ui/action-message";
import { Field, FieldErrors, inputClass } from "@/components/ui/field";
import { CountryField } from "@/components/ui/country-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { EmailLocaleField } from "@/components/ui/email-locale-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { applyAction } from "@/lib/enrollment/actions";

export type CloudChoice = {
  id: string;
  name: string;
  open: boolean;
  agreement: { title: string; version: string; text: string; url: string };
};
type Props = {
  email: string;
  clouds: CloudChoice[];
  countries: { code: string; name: string }[];
  partnerTypes: { id: string; name: string; hint: string }[];
};

/** The application form; the agreement shown (and accepted) is the chosen cloud's own, at its current version. */
export function EnrollForm({ email, clouds, countries, partnerTypes }: Props) {
  const t = useTranslations("enroll");
  const { state: result, pending, formProps } = useActionForm(applyAction, { resetOnSuccess: true });
  const errors = result && !result.ok ? result.fieldErrors : undefined;
  const [cloudId, setCloudId] = useState(clouds.find((c) => c.open)?.id ?? clouds[0].id);
  const cloud = clouds.find((c) => c.id === cloudId) ?? clouds[0];
  const domain = email.slice(email.lastIndexOf("@") + 1);

  return (
    <form {...formProps} className="space-y-4" noValidate>
      <Field id="companyName" label={t("companyName")} errors={errors?.companyName}>
        {(aria) => <input {...aria} name="companyName" autoComplete="organization" maxLength={120} className={inputClass} />}
      </Field>
      <Field id="primaryDomain" label={t("primaryDomain")} hint={t("primaryDomainHint", { email })} errors={errors?.primaryDomain}>
        {(aria) => <input {...aria} name="primaryDomain" defaultValue={domain} autoComplete="off" maxLength={253} className={inputClass} />}
      </Field>
      <CountryField label={t("country")} choose={t("chooseCountry")} countries={countries} errors={errors?.country} />
      <Field id="cloud" label={t("cloud")} hint={t("cloudHint")} errors={errors?.cloud}>
        {(aria) => (
          <select {...aria} name="cloud" value={cloudId} onChange={(e) => setCloudId(e.target.value)} className={inputClass}>
            {clouds.map((c) => (
              <option key={c.id} value={c.id}>
                {c.open ? c.name : t("cloudClosed", { cloud: c.name })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="space-y-2" aria-describedby="partnerType-error">
        <legend className="text-sm font-medium text-gray-900">{t("partnerType")}</legend>
        {partnerTypes.map((p, i) => (
          <label key={p.id} className="flex items-start gap-2 text-sm">
            <input type="radio" name="partnerType" value={p.id} defaultChecked={i === 0} className="mt-1" />
            <span>
              <span className="font-medium">{p.name}</span> <span className="block text-xs text-gray-600">{p.hint}</span>
            </span>
          </label>
        ))}
        <FieldErrors id="partnerType-error" messages={errors?.partnerType} />
      </fieldset>
      <Field id="corporateDomain" label={t("corporateDomain")} hint={t("corporateDomainHint")} errors={errors?.corporateDomain}>
        {(aria) => <input {...aria} name="corporateDomain" autoComplete="off" maxLength={253} className={inputClass} />}
      </Field>
      <EmailLocaleField id="locale" label={t("locale")} errors={errors?.locale} />
      <section aria-labelledby="agreement-title" className="space-y-2 rounded-md border border-gray-200 bg-gray-50 p-4">
        <h2 id="agreement-title" className="text-sm font-semibold">
          {t("agreementTitle", { agreement: cloud.agreement.title, version: cloud.agreement.version })}
        </h2>
        <p className="whitespace-pre-line text-sm text-gray-800">{cloud.agreement.text}</p>
        <a href={cloud.agreement.url} target="_blank" rel="noreferrer noopener" className="text-sm">
          {t("agreementLink", { agreement: cloud.agreement.title })}
        </a>
        <input type="hidden" name="agreementVersion" value={cloud.agreement.version} />
        <label className="flex items-start gap-2 text-sm">
          <input key={cloud.id} type="checkbox" name="agreement" aria-describedby="agreement-error" className="mt-1" />
          <span>{t("agreementAccept", { agreement: cloud.agreement.title, version: cloud.agreement.version })}</span>
        </label>
        <FieldErrors id="agreement-error" messages={errors?.agreement} />
      </section>
      <ActionMessage result={result} />
      <SubmitButton label={t("submit")} pendingLabel={t("submitting")} pending={pending} />
    </form>
  );
}
