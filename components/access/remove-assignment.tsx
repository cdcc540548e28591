"use client";

import { useTranslations } from "next-intl";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { removeAccessAssignmentAction } from "@/lib/access/actions";

export function RemoveAssignment({
  partnerId,
  assignmentId,
  group,
  relationshipName,
}: {
  partnerId: string;
  assignmentId: string;
  group: string;
  relationshipName: string;
}) {
  const t = useTranslations("accessAssignments");
  return (
    <ConfirmAction
      action={removeAccessAssignmentAction}
      fields={{ partnerId, assignmentId }}
      trigger={t("remove")}
      question={t("confirmRemove", { group, name: relationshipName })}
      confirmLabel={t("confirmRemoveButton")}
    />
  );
}
