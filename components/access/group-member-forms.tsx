"use client";

import { useTranslations } from "next-intl";
import { ActionMessage } from "@/components/ui/action-message";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useAction } from "@/components/ui/use-action";
import { useActionForm } from "@/components/ui/use-action-form";
import { addGroupMemberAction, removeGroupMemberAction } from "@/lib/access/actions";

export function AddGroupMember({ partnerId, groupId, groupName, people }: { partnerId: string; groupId: string; groupName: string; people: { userId: string; email: string }[] }) {
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

export function RemoveGroupMember({ partnerId, groupId, groupName, userId, email }: { partnerId: string; groupId: string; groupName: string; userId: string; email: string }) {
  const t = useTranslations();
  const [result, action] = useAction(removeGroupMemberAction);
  return (
    <div>
      <ConfirmForm
        action={action}
        trigger={t("groups.remove")}
        question={t("groups.confirmRemove", { email, group: groupName })}
        confirmLabel={t("groups.confirmRemoveButton")}
        cancelLabel={t("common.cancel")}
        pendingLabel={t("common.working")}
      >
        <input type="hidden" name="partnerId" value={partnerId} />
        <input type="hidden" name="groupId" value={groupId} />
        <input type="hidden" name="userId" value={userId} />
      </ConfirmForm>
      <ActionMessage result={result} />
    </div>
  );
}
