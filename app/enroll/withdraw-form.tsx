"use client";

import { useTranslations } from "next-intl";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { withdrawApplicationAction } from "@/lib/enrollment/actions";

export function WithdrawApplicationForm({ applicationId, company }: { applicationId: string; company: string }) {
  const t = useTranslations("enroll");
  return (
    <ConfirmAction
      action={withdrawApplicationAction}
      fields={{ applicationId }}
      trigger={t("withdraw")}
      question={t("confirmWithdraw", { company })}
      confirmLabel={t("withdrawConfirm")}
    />
  );
}
