"use client";

import { useTranslations } from "next-intl";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { terminateAdminRelationshipAction } from "@/lib/admin-relationships/actions";

type Props = { organizationId: string; relationshipId: string; name: string; partnerName: string; side: "partner" | "customer" };

/** Ends an admin relationship from either side, after an explicit confirmation. */
export function TerminateForm({ organizationId, relationshipId, name, partnerName, side }: Props) {
  const t = useTranslations();
  const partner = side === "partner";
  return (
    <ConfirmAction
      action={terminateAdminRelationshipAction}
      fields={{ organizationId, relationshipId }}
      trigger={partner ? t("adminRelationships.terminate") : t("customerAdminRelationships.remove")}
      question={
        partner
          ? t("adminRelationships.confirmTerminate", { name })
          : t("customerAdminRelationships.confirmRemove", { name, partner: partnerName })
      }
      confirmLabel={partner ? t("adminRelationships.confirmTerminateButton") : t("customerAdminRelationships.confirmRemoveButton")}
    />
  );
}
