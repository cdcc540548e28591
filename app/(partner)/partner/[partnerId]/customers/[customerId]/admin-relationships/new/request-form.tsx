"use client";

import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { AdminRequestFields, type PickerRole } from "@/components/admin-relationships/admin-request-fields";
import { ActionMessage } from "@/components/ui/action-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { requestAdminRelationshipAction } from "@/lib/admin-relationships/actions";

type Props = {
  partnerId: string;
  customerId: string;
  customerName: string;
  roles: PickerRole[];
  /** When replacing a relationship: its id and what to start from. */
  replaces?: { id: string; roles: string[]; durationDays: number };
};

export function RequestForm({ partnerId, customerId, customerName, roles, replaces }: Props) {
  const t = useTranslations("requestAdminRelationship");
  const { state: result, pending, formProps } = useActionForm(requestAdminRelationshipAction);
  const errors = result && !result.ok ? result.fieldErrors : undefined;

  if (result?.ok) {
    return <Link href={`/partner/${partnerId}/customers/${customerId}`}>{t("backToCustomer", { customer: customerName })}</Link>;
  }
  return (
    <form {...formProps} className="space-y-5" noValidate>
      <input type="hidden" name="partnerId" value={partnerId} />
      <input type="hidden" name="customerId" value={customerId} />
      {replaces && <input type="hidden" name="replacesId" value={replaces.id} />}
      <AdminRequestFields roles={roles} errors={errors} customerName={customerName} defaults={replaces} />
      <ActionMessage result={result && !result.ok && !result.fieldErrors ? result : null} />
      <SubmitButton label={t("submit")} pendingLabel={t("pending")} pending={pending} />
    </form>
  );
}
