"use client";

import { useTranslations } from "next-intl";
import { ActionMessage } from "@/components/ui/action-message";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { useAction } from "@/components/ui/use-action";
import { authorizePartnershipAction, declinePartnershipAction } from "@/lib/partnerships/actions";

/** Authorize or decline, each by an explicit press (a mail scanner's GET changes nothing). */
export function PartnershipForms({ token, providerName }: { token: string; providerName: string }) {
  const t = useTranslations();
  const [authorized, authorize] = useAction(authorizePartnershipAction);
  const [declined, decline] = useAction(declinePartnershipAction);
  // The page-level flash says it; nothing is left to press.
  if (declined?.ok) return null;
  return (
    <div className="flex flex-wrap items-start gap-3">
      <form action={authorize}>
        <input type="hidden" name="token" value={token} />
        <SubmitButton label={t("partnerships.authorize", { provider: providerName })} pendingLabel={t("partnerships.authorizing")} />
      </form>
      <ConfirmForm
        action={decline}
        trigger={t("partnerships.decline")}
        question={t("partnerships.confirmDecline", { provider: providerName })}
        confirmLabel={t("partnerships.confirmDeclineButton")}
        cancelLabel={t("common.cancel")}
        pendingLabel={t("common.working")}
      >
        <input type="hidden" name="token" value={token} />
      </ConfirmForm>
      <ActionMessage result={authorized ?? declined} />
    </div>
  );
}
