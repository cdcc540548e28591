"use client";

import { useTranslations } from "next-intl";
import { ActionMessage } from "@/components/ui/action-message";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { useAction } from "@/components/ui/use-action";
import { removeAccessAssignmentAction } from "@/lib/access/actions";

export function RemoveAssignment({ partnerId, assignmentId, group, relationshipName }: { partnerId: string; assignmentId: string; group: string; relationshipName: string }) {
  const t = useTranslations();
  const [result, action] = useAction(removeAccessAssignmentAction);
  return (
    <div>
      <ConfirmForm
        action={action}
        trigger={t("accessAssignments.remove")}
        question={t("accessAssignments.confirmRemove", { group, name: relationshipName })}
        confirmLabel={t("accessAssignments.confirmRemoveButton")}
        cancelLabel={t("common.cancel")}
        pendingLabel={t("common.working")}
      >
        <input type="hidden" name="partnerId" value={partnerId} />
        <input type="hidden" name="assignmentId" value={assignmentId} />
      </ConfirmForm>
      <ActionMessage result={result} />
    </div>
  );
}
