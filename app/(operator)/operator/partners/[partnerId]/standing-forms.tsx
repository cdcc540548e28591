"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { ActionMessage } from "@/components/ui/action-message";
import { Field, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { offboardPartnerAction, reinstatePartnerAction, suspendPartnerAction } from "@/lib/operator/actions";
import type { PartnerState } from "@/db/values/organizations";

/** Suspend or reinstate with a reason the partner reads; offboarding asks for the partner's name typed out first. */
export function StandingForms({ partnerId, partnerName, state }: { partnerId: string; partnerName: string; state: PartnerState }) {
  const t = useTranslations("operator.partner");
  const tc = useTranslations("common");
  const standing = useActionForm(state === "suspended" ? reinstatePartnerAction : suspendPartnerAction, { resetOnSuccess: true });
  const offboard = useActionForm(offboardPartnerAction);
  const [asking, setAsking] = useState(false);
  const se = standing.state && !standing.state.ok ? standing.state.fieldErrors : undefined;
  const oe = offboard.state && !offboard.state.ok ? offboard.state.fieldErrors : undefined;
  if (state === "offboarded") return <p className="text-sm text-gray-700">{t("offboardedNote")}</p>;
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <form
        {...standing.formProps}
        className="space-y-3 rounded-md border border-gray-200 bg-white p-4"
        aria-label={state === "suspended" ? t("reinstateTitle") : t("suspendTitle")}
        noValidate
      >
        <h3 className="font-semibold">{state === "suspended" ? t("reinstateTitle") : t("suspendTitle")}</h3>
        <p className="text-sm text-gray-700">{state === "suspended" ? t("reinstateIntro") : t("suspendIntro")}</p>
        <input type="hidden" name="partnerId" value={partnerId} />
        <Field id="standing-reason" label={t("reason")} hint={t("reasonHint")} errors={se?.reason}>
          {(aria) => <textarea {...aria} name="reason" rows={3} maxLength={1000} className={inputClass} />}
        </Field>
        <ActionMessage result={standing.state && !standing.state.ok && !standing.state.fieldErrors ? standing.state : null} />
        <SubmitButton
          label={state === "suspended" ? t("reinstate") : t("suspend")}
          pendingLabel={tc("working")}
          pending={standing.pending}
          variant={state === "suspended" ? "primary" : "secondary"}
        />
      </form>
      <div className="space-y-3 rounded-md border border-red-200 bg-red-50 p-4">
        <h3 className="font-semibold text-red-900">{t("offboardTitle")}</h3>
        <p className="text-sm text-red-900">{t("offboardIntro", { partner: partnerName })}</p>
        {!asking ? (
          <button
            type="button"
            onClick={() => setAsking(true)}
            className="rounded-md border border-red-300 bg-white px-4 py-2 text-sm font-medium text-red-800 hover:bg-red-50"
          >
            {t("offboard")}
          </button>
        ) : (
          <form {...offboard.formProps} className="space-y-3" aria-label={t("offboardTitle")} noValidate>
            <input type="hidden" name="partnerId" value={partnerId} />
            <Field id="offboard-reason" label={t("reason")} errors={oe?.reason}>
              {(aria) => <textarea {...aria} name="reason" rows={3} maxLength={1000} className={inputClass} />}
            </Field>
            <Field id="confirmName" label={t("confirmName", { partner: partnerName })} errors={oe?.confirmName}>
              {(aria) => <input {...aria} name="confirmName" autoComplete="off" className={inputClass} />}
            </Field>
            <ActionMessage result={offboard.state && !offboard.state.ok && !offboard.state.fieldErrors ? offboard.state : null} />
            <div className="flex gap-2">
              <SubmitButton label={t("offboardConfirm")} pendingLabel={tc("working")} pending={offboard.pending} variant="danger" />
              <button
                type="button"
                onClick={() => setAsking(false)}
                className="rounded-md border border-gray-300 bg-white px-4 py-2 text-sm font-medium hover:bg-gray-50"
              >
                {tc("cancel")}
              </button>
            </div>
          </form>
        )}
      </div>
    </div>
  );
}
