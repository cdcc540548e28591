"use client";

import { useTranslations } from "next-intl";
import { ActionMessage } from "@/components/ui/action-message";
import { FieldErrors, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { createAccessAssignmentAction } from "@/lib/access/actions";

type Props = {
  partnerId: string;
  relationshipId: string;
  relationshipName: string;
  groups: { id: string; name: string }[];
  roles: { id: string; name: string }[];
};

/** Gives one group a subset of the roles the customer approved in this relationship. */
export function AssignForm({ partnerId, relationshipId, relationshipName, groups, roles }: Props) {
  const t = useTranslations("accessAssignments");
  const { state: result, pending, formProps } = useActionForm(createAccessAssignmentAction);
  const errors = result && !result.ok ? result.fieldErrors : undefined;
  const id = (suffix: string) => `assign-${relationshipId}-${suffix}`;
  return (
    <form
      {...formProps}
      className="space-y-3 rounded-md border border-dashed border-gray-300 p-3"
      aria-label={`${t("assign")}: ${relationshipName}`}
      noValidate
    >
      <input type="hidden" name="partnerId" value={partnerId} />
      <input type="hidden" name="relationshipId" value={relationshipId} />
      <div className="space-y-1">
        <label htmlFor={id("group")} className="block text-sm font-medium">
          {t("group")}
        </label>
        <select id={id("group")} name="groupId" defaultValue="" aria-describedby={id("group-error")} className={`${inputClass} max-w-xs`}>
          <option value="">{t("chooseGroup")}</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
        <FieldErrors id={id("group-error")} messages={errors?.groupId} />
      </div>
      <fieldset aria-describedby={id("roles-error")}>
        <legend className="text-sm font-medium">{t("roles")}</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {roles.map((r) => (
            <label key={r.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="roles" value={r.id} />
              {r.name}
            </label>
          ))}
        </div>
        <FieldErrors id={id("roles-error")} messages={errors?.roles} />
      </fieldset>
      <ActionMessage result={result && !result.ok && !result.fieldErrors ? result : null} />
      <SubmitButton label={t("assign")} pendingLabel={t("assigning")} pending={pending} variant="secondary" />
    </form>
  );
}
