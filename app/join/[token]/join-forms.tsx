"use client";

import { useTranslations } from "next-intl";
import { ActionMessage } from "@/components/ui/action-message";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { useAction } from "@/components/ui/use-action";
import { acceptMemberInvitationAction, declineMemberInvitationAction } from "@/lib/team/actions";

/** Join or decline, each by an explicit press. */
export function JoinForms({ token, organizationName }: { token: string; organizationName: string }) {
  const t = useTranslations();
  const [accepted, accept] = useAction(acceptMemberInvitationAction);
  const [declined, decline] = useAction(declineMemberInvitationAction);
  if (declined?.ok) return <p role="status">{t("join.declined")}</p>;
  return (
    <div className="flex flex-wrap items-start gap-3">
      <form action={accept}>
        <input type="hidden" name="token" value={token} />
        <SubmitButton label={t("join.accept")} pendingLabel={t("join.accepting")} />
      </form>
      <ConfirmForm
        action={decline}
        trigger={t("join.decline")}
        question={t("join.confirmDecline", { organization: organizationName })}
        confirmLabel={t("join.confirmDeclineButton")}
        cancelLabel={t("common.cancel")}
        pendingLabel={t("common.working")}
      >
        <input type="hidden" name="token" value={token} />
      </ConfirmForm>
      <ActionMessage result={accepted ?? declined} />
    </div>
  );
}
