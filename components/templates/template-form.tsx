"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { AdminRequestFields, type PickerRole } from "@/components/admin-relationships/admin-request-fields";
import { ActionMessage } from "@/components/ui/action-message";
import { FieldErrors } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { createAdminTemplateAction, updateAdminTemplateAction } from "@/lib/templates/actions";
import { GROUP_FIELD } from "@/lib/templates/schemas";
import type { GroupRoles } from "@/db/values/templates";

type Props = {
  partnerId: string;
  roles: PickerRole[];
  groups: { id: string; name: string }[];
  /** Editing: the template and the version the edit starts from (a newer one since refuses it). */
  editing?: {
    templateId: string;
    version: number;
    name: string;
    roles: string[];
    durationDays: number;
    autoExtend: boolean;
    groupRoles: GroupRoles;
  };
};

/**
 * A template's request (name, duration, roles, auto-extend) and its group mappings: for each
 * of the partner's security groups, which of the ticked roles it receives on approval.
 */
export function TemplateForm({ partnerId, roles, groups, editing }: Props) {
  const t = useTranslations("templates");
  const { state: result, pending, formProps } = useActionForm(editing ? updateAdminTemplateAction : createAdminTemplateAction);
  const errors = result && !result.ok ? result.fieldErrors : undefined;
  const [chosen, setChosen] = useState<string[]>(editing?.roles ?? []);
  const mapped = (groupId: string, role: string) => editing?.groupRoles.find((g) => g.groupId === groupId)?.roles.includes(role as never);
  return (
    <form {...formProps} className="space-y-5" noValidate aria-label={editing ? t("edit") : t("newTitle")}>
      <input type="hidden" name="partnerId" value={partnerId} />
      {editing && <input type="hidden" name="templateId" value={editing.templateId} />}
      {editing && <input type="hidden" name="version" value={editing.version} />}
      <AdminRequestFields roles={roles} errors={errors} defaults={editing} nameLabel={t("name")} nameHint="" onRolesChange={setChosen} />
      <fieldset className="space-y-3" aria-describedby="group-roles-hint group-roles-error">
        <legend className="text-sm font-medium">{t("groups")}</legend>
        <p id="group-roles-hint" className="text-xs text-gray-600">
          {chosen.length === 0 ? t("noRolesYet") : t("groupsHint")}
        </p>
        {chosen.length > 0 &&
          groups.map((g) => (
            <fieldset key={g.id} className="rounded-md border border-gray-200 p-3">
              <legend className="px-1 text-sm">{t("groupReceives", { group: g.name })}</legend>
              <div className="flex flex-wrap gap-x-4 gap-y-1">
                {roles
                  .filter((r) => chosen.includes(r.id))
                  .map((r) => (
                    <label key={r.id} className="flex items-center gap-2 text-sm">
                      <input type="checkbox" name={`${GROUP_FIELD}${g.id}`} value={r.id} defaultChecked={mapped(g.id, r.id)} />
                      {r.name}
                    </label>
                  ))}
              </div>
            </fieldset>
          ))}
        <FieldErrors id="group-roles-error" messages={errors?.groupRoles} />
      </fieldset>
      <ActionMessage result={result && !result.ok && !result.fieldErrors ? result : null} />
      <SubmitButton
        label={editing ? t("save", { version: editing.version + 1 }) : t("create")}
        pendingLabel={editing ? t("saving") : t("creating")}
        pending={pending}
      />
    </form>
  );
}
