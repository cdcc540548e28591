"use client";

import { useTranslations } from "next-intl";
import { ActionMessage } from "@/components/ui/action-message";
import { Field, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { renameOrganizationAction } from "@/lib/organizations/actions";

/** The organization's name, changed by whoever may (Account admin, Global administrator); the page's bar follows. */
export function RenameOrganizationForm({ organizationId, name }: { organizationId: string; name: string }) {
  const t = useTranslations("team");
  const { state, pending, formProps } = useActionForm(renameOrganizationAction);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form {...formProps} className="flex flex-wrap items-end gap-3" aria-label={t("profileTitle")} noValidate>
      <input type="hidden" name="organizationId" value={organizationId} />
      <Field id="organization-name" label={t("orgName")} errors={errors?.name}>
        {(aria) => (
          <input
            {...aria}
            name="name"
            defaultValue={name}
            maxLength={120}
            autoComplete="organization"
            className={`${inputClass} w-80 max-w-full`}
          />
        )}
      </Field>
      <SubmitButton label={t("renameSave")} pendingLabel={t("renameSaving")} pending={pending} variant="secondary" />
      <ActionMessage result={state && !state.ok && !state.fieldErrors ? state : null} />
    </form>
  );
}
