"use client";

import { useTranslations } from "next-intl";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { endPartnershipAction, revokePartnershipInvitationAction } from "@/lib/partnerships/actions";

type Props = { organizationId: string; partnershipId: string; otherName: string; state: "invited" | "active" };

/** Withdraw an unanswered invitation, or end a live partnership; both behind a confirmation. */
export function PartnershipActions({ organizationId, partnershipId, otherName, state }: Props) {
  const t = useTranslations("partnerships");
  const fields = { organizationId, partnershipId };
  return state === "invited" ? (
    <ConfirmAction
      action={revokePartnershipInvitationAction}
      fields={fields}
      trigger={t("revoke")}
      question={t("confirmRevoke", { name: otherName })}
      confirmLabel={t("confirmRevokeButton")}
    />
  ) : (
    <ConfirmAction
      action={endPartnershipAction}
      fields={fields}
      trigger={t("end")}
      question={t("confirmEnd", { name: otherName })}
      confirmLabel={t("confirmEndButton")}
    />
  );
}
