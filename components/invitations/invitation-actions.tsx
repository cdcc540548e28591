"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ActionMessage } from "@/components/ui/alert";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { resendInvitationAction, revokeInvitationAction } from "@/lib/invitations/actions";

/**
 * Resend and revoke for one invitation row; revoke asks first. Stays mounted after the
 * invitation closes (buttons hidden) so the outcome message remains readable.
 */
export function InvitationActions({ partnerId, invitationId, email, open }: { partnerId: string; invitationId: string; email: string; open: boolean }) {
  const t = useTranslations();
  const [resent, resend] = useActionState(resendInvitationAction, null);
  const [revoked, revoke] = useActionState(revokeInvitationAction, null);
  const hidden = (
    <>
      <input type="hidden" name="partnerId" value={partnerId} />
      <input type="hidden" name="invitationId" value={invitationId} />
    </>
  );
  return (
    <div className="space-y-2">
      {open && (
      <div className="flex flex-wrap items-start gap-2">
        <form action={resend}>
          {hidden}
          <SubmitButton label={t("partner.invitations.resend")} pendingLabel={t("common.working")} variant="secondary" />
        </form>
          <ConfirmForm
            action={revoke}
            trigger={t("partner.invitations.revoke")}
            question={t("partner.invitations.confirmRevoke", { email })}
            confirmLabel={t("partner.invitations.confirm")}
            cancelLabel={t("common.cancel")}
            pendingLabel={t("common.working")}
          >
            {hidden}
          </ConfirmForm>
      </div>
      )}
      <ActionMessage result={revoked ?? resent} />
    </div>
  );
}
