"use client";

import { useTranslations } from "next-intl";
import { ActionMessage } from "@/components/ui/action-message";
import { Field, FieldErrors, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { approveApplicationAction, rejectApplicationAction } from "@/lib/enrollment/actions";

/**
 * Approve (partner ID given or generated, CSP transaction tenant or not, the corporate tenant
 * only when the operator confirms its domain) or reject with a reason the applicant reads.
 */
export function DecisionForms({
  applicationId,
  company,
  corporate,
}: {
  applicationId: string;
  company: string;
  corporate: { domain: string; primary: string } | null;
}) {
  const t = useTranslations("operator.applications");
  const approve = useActionForm(approveApplicationAction);
  const reject = useActionForm(rejectApplicationAction);
  const approveErrors = approve.state && !approve.state.ok ? approve.state.fieldErrors : undefined;
  const rejectErrors = reject.state && !reject.state.ok ? reject.state.fieldErrors : undefined;
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <form
        {...approve.formProps}
        className="space-y-4 rounded-md border border-gray-200 bg-white p-4"
        aria-label={t("approveTitle", { company })}
        noValidate
      >
        <h2 className="font-semibold">{t("approveTitle", { company })}</h2>
        <input type="hidden" name="applicationId" value={applicationId} />
        <Field id="partnerPublicId" label={t("partnerId")} hint={t("partnerIdHint")} errors={approveErrors?.partnerPublicId}>
          {(aria) => <input {...aria} name="partnerPublicId" inputMode="numeric" maxLength={10} className={inputClass} />}
        </Field>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="cspTransactionTenant" defaultChecked className="mt-1" aria-describedby="csp-hint" />
          <span>
            {t("cspTenant")}
            <span id="csp-hint" className="block text-xs text-gray-600">
              {t("cspTenantHint")}
            </span>
          </span>
        </label>
        {corporate && (
          <div>
            <label className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                name="corporateConfirmed"
                className="mt-1"
                aria-describedby="corporate-hint corporate-error"
                aria-invalid={approveErrors?.corporateConfirmed ? true : undefined}
              />
              <span>
                {t("corporateConfirm", { domain: corporate.domain, company })}
                <span id="corporate-hint" className="block text-xs text-gray-600">
                  {t("corporateConfirmHint", { primary: corporate.primary })}
                </span>
              </span>
            </label>
            <FieldErrors id="corporate-error" messages={approveErrors?.corporateConfirmed} />
          </div>
        )}
        <ActionMessage result={approve.state && !approve.state.ok && !approve.state.fieldErrors ? approve.state : null} />
        <SubmitButton label={t("approve")} pendingLabel={t("approving")} pending={approve.pending} />
      </form>
      <form
        {...reject.formProps}
        className="space-y-4 rounded-md border border-gray-200 bg-white p-4"
        aria-label={t("rejectTitle", { company })}
        noValidate
      >
        <h2 className="font-semibold">{t("rejectTitle", { company })}</h2>
        <input type="hidden" name="applicationId" value={applicationId} />
        <Field id="reason" label={t("reason")} hint={t("reasonHint")} errors={rejectErrors?.reason}>
          {(aria) => <textarea {...aria} name="reason" rows={4} maxLength={1000} className={inputClass} />}
        </Field>
        <ActionMessage result={reject.state && !reject.state.ok && !reject.state.fieldErrors ? reject.state : null} />
        <SubmitButton label={t("reject")} pendingLabel={t("rejecting")} pending={reject.pending} variant="danger" />
      </form>
    </div>
  );
}
