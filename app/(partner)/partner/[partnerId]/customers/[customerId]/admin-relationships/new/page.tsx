import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Forbidden } from "@/components/shell/forbidden";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { DIRECTORY_ROLES } from "@/lib/admin-relationships/directory-roles";
import { memberForPage } from "@/lib/auth/page-guards";
import { hasPermission } from "@/lib/auth/permissions";
import { CLOUD_RULES } from "@/lib/clouds";
import { db } from "@/lib/db";
import { isDomainError } from "@/lib/errors";
import { getPartnerCustomerOrThrow } from "@/lib/partners/queries";
import { RequestForm } from "./request-form";

type Props = { params: Promise<{ partnerId: string; customerId: string }> };

export default async function RequestAdminRelationshipPage({ params }: Props) {
  const { partnerId, customerId } = await params;
  const back = `/partner/${partnerId}/customers/${customerId}`;
  const member = await memberForPage(partnerId, "partner", `${back}/admin-relationships/new`);
  if (!hasPermission(member.roles, "admin_relationships.write")) return <Forbidden orgName={member.organization.name} />;
  let customer;
  try {
    customer = getPartnerCustomerOrThrow(db(), member, customerId).customer;
  } catch (error) {
    if (isDomainError(error, "NOT_FOUND")) notFound();
    throw error;
  }
  const t = await getTranslations();
  const roles = DIRECTORY_ROLES.map((r) => ({
    id: r.id,
    name: t(`directoryRoles.${r.id}.name`),
    description: t(`directoryRoles.${r.id}.description`),
    mostPrivileged: "mostPrivileged" in r && r.mostPrivileged,
  }));
  return (
    <section className="max-w-2xl space-y-4">
      <Link href={back} className="text-sm">
        ← {t("requestAdminRelationship.backToCustomer", { customer: customer.name })}
      </Link>
      <PageHeader title={t("requestAdminRelationship.title", { customer: customer.name })} />
      {CLOUD_RULES[customer.cloud].adminRelationships ? (
        <>
          <p className="text-sm text-gray-700">{t("requestAdminRelationship.intro")}</p>
          <RequestForm partnerId={partnerId} customerId={customerId} customerName={customer.name} roles={roles} />
        </>
      ) : (
        <Alert tone="warning" role="alert">
          {t("adminRelationships.unavailable", { cloud: t(`clouds.${customer.cloud}`) })}
        </Alert>
      )}
    </section>
  );
}
