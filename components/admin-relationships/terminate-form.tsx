"use client";

import { useTranslations } from "next-intl";
import { useAction } from "@/components/ui/use-action";
import { ActionMessage } from "@/components/ui/action-message";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { terminateAdminRelationshipAction } from "@/lib/admin-relationships/actions";

type Props = { organizationId: string; relationshipId: string; name: string; partnerName: string; side: "partner" | "customer" };

/** Ends an admin relationship from either side, after an explicit confirmation. */
export function TerminateForm({ organizationId, relationshipId, name, partnerName, side }: Props) {
  const t = useTranslations();
  const [result, action] = useAction(terminateAdminRelationshipAction);
  return (
    <div className="space-y-2">
      {!result?.ok && (
        <ConfirmForm
          action={action}
          trigger={side === "partner" ? t("adminRelationships.terminate") : t("customerAdminRelationships.remove")}
          question={side === "partner" ? t("adminRelationships.confirmTerminate", { name }) : t("customerAdminRelationships.confirmRemove", { name, partner: partnerName })}
          confirmLabel={side === "partner" ? t("adminRelationships.confirmTerminateButton") : t("customerAdminRelationships.confirmRemoveButton")}
          cancelLabel={t("common.cancel")}
          pendingLabel={t("common.working")}
        >
          <input type="hidden" name="organizationId" value={organizationId} />
          <input type="hidden" name="relationshipId" value={relationshipId} />
        </ConfirmForm>
      )}
      <ActionMessage result={result} />
    </div>
  );
}
