"use client";

import { useTranslations } from "next-intl";
import { ActionMessage } from "@/components/ui/action-message";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { addGroupMemberAction, removeGroupMemberAction } from "@/lib/access/actions";

export function AddGroupMember({
  partnerId,
  groupId,
  groupName,
  people,
}: {
  partnerId: string;
  groupId: string;
  groupName: string;
  people: { userId: string; email: string }[];
}) {
  const t = useTranslations("groups");
  const { state: result, pending, formProps } = useActionForm(addGroupMemberAction);
  const selectId = `add-${groupId}`;
  return (
    <form {...formProps} className="flex flex-wrap items-end gap-2" aria-label={`${t("add")}: ${groupName}`}>
      <input type="hidden" name="partnerId" value={partnerId} />
      <input type="hidden" name="groupId" value={groupId} />
      <label htmlFor={selectId} className="sr-only">
        {t("chooseMember")}
      </label>
      <select id={selectId} name="userId" defaultValue="" className={`${inputClass} max-w-xs`}>
        <option value="">{t("chooseMember")}</option>
        {people.map((p) => (
          <option key={p.userId} value={p.userId}>
            {p.email}
          </option>
        ))}
      </select>
      <SubmitButton label={t("add")} pendingLabel={t("adding")} pending={pending} variant="secondary" />
      <ActionMessage result={result} />
    </form>
  );
}

export function RemoveGroupMember({
  partnerId,
  groupId,
  groupName,
  userId,
  email,
}: {
  partnerId: string;
  groupId: string;
  groupName: string;
  userId: string;
  email: string;
}) {
  const t = useTranslations("groups");
  return (
    <ConfirmAction
      action={removeGroupMemberAction}
      fields={{ partnerId, groupId, userId }}
      trigger={t("remove")}
      question={t("confirmRemove", { email, group: groupName })}
      confirmLabel={t("confirmRemoveButton")}
    />
  );
}
