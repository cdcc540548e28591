"use client";

import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { FreshSignIn } from "@/components/auth/fresh-sign-in";
import { useAction } from "@/components/ui/use-action";
import { ActionMessage } from "@/components/ui/action-message";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { approveAdminRelationshipAction, rejectAdminRelationshipAction } from "@/lib/admin-relationships/actions";

type Props = {
  customerId: string;
  relationshipId: string;
  name: string;
  partnerName: string;
  freshSignIn: ComponentProps<typeof FreshSignIn> | null;
};

/**
 * Approve (one explicit press) or reject (asks first) a partner's request. A request for
 * Global Administrator from a stale sign-in offers a fresh link instead of approval.
 */
export function DecisionForms({ customerId, relationshipId, name, partnerName, freshSignIn }: Props) {
  const t = useTranslations("customerAdminRelationships");
  const tc = useTranslations("common");
  const [approved, approve] = useAction(approveAdminRelationshipAction);
  const [rejected, reject] = useAction(rejectAdminRelationshipAction);
  const ref = (
    <>
      <input type="hidden" name="organizationId" value={customerId} />
      <input type="hidden" name="relationshipId" value={relationshipId} />
    </>
  );
  const decided = approved?.ok || rejected?.ok;
  return (
    <div>
      {!decided && (
        <div className="flex flex-wrap items-start gap-2">
          {freshSignIn ? (
            <FreshSignIn {...freshSignIn} />
          ) : (
            <form action={approve}>
              {ref}
              <SubmitButton label={t("approve")} pendingLabel={t("approving")} />
            </form>
          )}
          <ConfirmForm
            action={reject}
            trigger={t("reject")}
            question={t("confirmReject", { name, partner: partnerName })}
            confirmLabel={t("confirmRejectButton")}
            cancelLabel={tc("cancel")}
            pendingLabel={tc("working")}
          >
            {ref}
          </ConfirmForm>
        </div>
      )}
      <ActionMessage result={approved ?? rejected} />
    </div>
  );
}
