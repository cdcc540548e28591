"use client";

import { useTranslations } from "next-intl";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { revokeApiKeyAction } from "@/lib/api-keys/actions";

export function RevokeKey({ organizationId, keyId, name }: { organizationId: string; keyId: string; name: string }) {
  const t = useTranslations("apiKeys");
  return (
    <ConfirmAction
      action={revokeApiKeyAction}
      fields={{ organizationId, keyId }}
      trigger={t("revoke")}
      question={t("confirmRevoke", { name })}
      confirmLabel={t("confirmRevokeButton")}
    />
  );
}
