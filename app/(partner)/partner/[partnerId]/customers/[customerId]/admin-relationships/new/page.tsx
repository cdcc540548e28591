import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Forbidden } from "@/components/shell/forbidden";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { pickerRoles } from "@/components/admin-relationships/picker-roles";
import { listPartnerAdminRelationships } from "@/lib/admin-relationships/queries";
import { memberForPage, orNotFound } from "@/lib/auth/page-guards";
import { partnerAbilities } from "@/lib/auth/abilities";
import { CLOUD_RULES } from "@/lib/clouds";
import { db } from "@/lib/db";
import { getPartnerCustomerOrThrow } from "@/lib/partners/queries";
import { RequestForm } from "./request-form";
import { ClientMessages } from "@/components/shell/client-messages";

type Props = { params: Promise<{ partnerId: string; customerId: string }>; searchParams: Promise<{ replaces?: string }> };

export default async function RequestAdminRelationshipPage({ params, searchParams }: Props) {
  const [{ partnerId, customerId }, sp] = await Promise.all([params, searchParams]);
  const back = `/partner/${partnerId}/customers/${customerId}`;
  const member = await memberForPage(partnerId, "partner", `${back}/admin-relationships/new`);
  const may = partnerAbilities(member);
  if (!may.requestAdminRelationships) return <Forbidden orgName={member.organization.name} />;
  const customer = await orNotFound(async () => (await getPartnerCustomerOrThrow(db(), member, customerId)).customer);
  const [t, roles] = await Promise.all([getTranslations(), pickerRoles()]);
  // "Replace with a new relationship": start from the old one's roles and duration.
  const old =
    typeof sp.replaces === "string"
      ? (await listPartnerAdminRelationships(db(), member, customerId)).find((r) => r.id === sp.replaces)
      : undefined;
  const replaces = old ? { id: old.id, roles: old.roles, durationDays: old.durationDays } : undefined;
  return (
    <ClientMessages namespaces={["requestAdminRelationship"]}>
      <section className="max-w-2xl space-y-4">
        <Link href={back} className="text-sm">
          ← {t("requestAdminRelationship.backToCustomer", { customer: customer.name })}
        </Link>
        <PageHeader title={t("requestAdminRelationship.title", { customer: customer.name })} />
        {CLOUD_RULES[customer.cloud].adminRelationships ? (
          <>
            <p className="text-sm text-gray-700">{t("requestAdminRelationship.intro")}</p>
            {old && <Alert tone="info">{t("adminRelationships.replacing", { name: old.name })}</Alert>}
            <RequestForm partnerId={partnerId} customerId={customerId} customerName={customer.name} roles={roles} replaces={replaces} />
          </>
        ) : (
          <Alert tone="warning" role="alert">
            {t("adminRelationships.unavailable", { cloud: t(`clouds.${customer.cloud}`) })}
          </Alert>
        )}
      </section>
    </ClientMessages>
  );
}
