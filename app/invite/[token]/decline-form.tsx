"use client";

import { useTranslations } from "next-intl";
import { ActionMessage } from "@/components/ui/action-message";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { useAction } from "@/components/ui/use-action";
import { declineInvitationAction } from "@/lib/invitations/actions";

/**
 * Declining, after a confirmation. Offered beside the accept form, and also in its place when
 * accepting waits for a fresh sign-in: declining grants nothing, so it never waits.
 */
export function DeclineForm({ token, partnerName }: { token: string; partnerName: string }) {
  const t = useTranslations("invite");
  const tc = useTranslations("common");
  const [declined, decline] = useAction(declineInvitationAction);
  return (
    <div className="border-t border-gray-200 pt-4">
      <ConfirmForm
        action={decline}
        trigger={t("decline")}
        question={t("confirmDecline", { partner: partnerName })}
        confirmLabel={t("confirmDeclineButton")}
        cancelLabel={tc("cancel")}
        pendingLabel={t("declining")}
      >
        <input type="hidden" name="token" value={token} />
      </ConfirmForm>
      <ActionMessage result={declined && !declined.ok ? declined : null} />
    </div>
  );
}
