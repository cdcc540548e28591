"use client";

import { useTranslations } from "next-intl";
import { ActionMessage } from "@/components/ui/action-message";
import { FieldErrors } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { updateAccessAssignmentAction } from "@/lib/access/actions";
import type { DirectoryRoleId } from "@/db/values/directory-roles";

type Props = {
  partnerId: string;
  assignmentId: string;
  /** The version shown: a change someone made since is refused rather than overwritten. */
  version: number;
  group: string;
  roles: { id: string; name: string }[];
  current: DirectoryRoleId[];
};

/** Changes which of the relationship's roles a group holds, without taking its access away in between. */
export function EditAssignmentRoles({ partnerId, assignmentId, version, group, roles, current }: Props) {
  const t = useTranslations("accessAssignments");
  const { state: result, pending, formProps } = useActionForm(updateAccessAssignmentAction);
  const errors = result && !result.ok ? result.fieldErrors : undefined;
  const errorId = `change-${assignmentId}-roles-error`;
  return (
    <details className="text-sm">
      <summary className="cursor-pointer rounded px-2 py-1 text-blue-700 hover:underline">{t("change")}</summary>
      <form
        {...formProps}
        className="mt-2 space-y-2 rounded-md border border-gray-200 p-3"
        aria-label={`${t("change")}: ${group}`}
        noValidate
      >
        <input type="hidden" name="partnerId" value={partnerId} />
        <input type="hidden" name="assignmentId" value={assignmentId} />
        <input type="hidden" name="version" value={version} />
        <fieldset aria-describedby={errorId}>
          <legend className="font-medium">{t("rolesOf", { group })}</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {roles.map((r) => (
              <label key={r.id} className="flex items-center gap-2">
                <input type="checkbox" name="roles" value={r.id} defaultChecked={current.includes(r.id as DirectoryRoleId)} />
                {r.name}
              </label>
            ))}
          </div>
          <FieldErrors id={errorId} messages={errors?.roles} />
        </fieldset>
        <ActionMessage result={result && !result.ok && !result.fieldErrors ? result : null} />
        <SubmitButton label={t("save")} pendingLabel={t("saving")} pending={pending} variant="secondary" />
      </form>
    </details>
  );
}
