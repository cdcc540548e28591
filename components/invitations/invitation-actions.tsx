"use client";

import { useTranslations } from "next-intl";
import { useAction } from "@/components/ui/use-action";
import { ActionMessage } from "@/components/ui/action-message";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { resendInvitationAction, revokeInvitationAction } from "@/lib/invitations/actions";

/** Resend and revoke for one open invitation; revoke asks first. */
export function InvitationActions({ partnerId, invitationId, email }: { partnerId: string; invitationId: string; email: string }) {
  const t = useTranslations();
  const [resent, resend] = useAction(resendInvitationAction);
  const [revoked, revoke] = useAction(revokeInvitationAction);
  const hidden = (
    <>
      <input type="hidden" name="partnerId" value={partnerId} />
      <input type="hidden" name="invitationId" value={invitationId} />
    </>
  );
  return (
    <div>
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
      <ActionMessage result={revoked ?? resent} />
    </div>
  );
}
