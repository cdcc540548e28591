"use client";

import { Link } from "@/components/ui/link";
import { useState } from "react";
import { AdminRequestFields, type PickerRole } from "@/components/admin-relationships/admin-request-fields";
import { useTranslations } from "next-intl";
import { ActionMessage } from "@/components/ui/action-message";
import { Field, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { EmailLocaleField } from "@/components/ui/email-locale-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { inviteCustomerAction } from "@/lib/invitations/actions";

/** `roles` is given when this member may also ask for admin roles in the same invitation. */
/** `providers` is given for an indirect reseller: the invitation must name one of them. */
export function InviteForm({
  partnerId,
  roles,
  providers,
}: {
  partnerId: string;
  roles: PickerRole[] | null;
  providers: { id: string; name: string; partnerPublicId: string | null }[] | null;
}) {
  const [includeAdmin, setIncludeAdmin] = useState(false);
  const t = useTranslations("partner.invite");
  const { state: result, pending, formProps } = useActionForm(inviteCustomerAction, { resetOnSuccess: true });
  const errors = result && !result.ok ? result.fieldErrors : undefined;

  return (
    <div className="space-y-4">
      <ActionMessage result={result} />
      {result?.ok && (
        <p className="text-sm">
          <Link href={`/partner/${partnerId}/invitations`}>{t("viewAll")}</Link>
        </p>
      )}
      <form {...formProps} className="space-y-4" noValidate>
        <input type="hidden" name="partnerId" value={partnerId} />
        <Field id="email" label={t("email")} hint={t("emailHint")} errors={errors?.email}>
          {(aria) => <input {...aria} name="email" type="email" autoComplete="off" required className={inputClass} />}
        </Field>
        {providers && (
          <Field id="providerId" label={t("provider")} hint={t("providerHint")} errors={errors?.providerId}>
            {(aria) => (
              <select {...aria} name="providerId" defaultValue={providers.length === 1 ? providers[0].id : ""} className={inputClass}>
                <option value="">{t("providerChoose")}</option>
                {providers.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} ({p.partnerPublicId})
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field id="message" label={t("message")} hint={t("messageHint")} errors={errors?.message}>
          {(aria) => <textarea {...aria} name="message" rows={4} maxLength={1000} className={inputClass} />}
        </Field>
        <EmailLocaleField id="locale" label={t("locale")} errors={errors?.locale} />
        {roles && (
          <div className="space-y-3 rounded-md border border-gray-200 p-4">
            <label className="flex items-center gap-2 text-sm font-medium">
              <input
                type="checkbox"
                name="includeAdmin"
                checked={includeAdmin}
                onChange={(e) => setIncludeAdmin(e.target.checked)}
                aria-describedby="include-admin-hint"
              />
              {t("includeAdmin")}
            </label>
            <p id="include-admin-hint" className="text-xs text-gray-600">
              {t("includeAdminHint")}
            </p>
            {includeAdmin && <AdminRequestFields roles={roles} errors={errors} />}
          </div>
        )}
        <SubmitButton label={t("submit")} pendingLabel={t("pending")} pending={pending} />
      </form>
    </div>
  );
}
