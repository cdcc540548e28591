import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { CustomerRelationshipCard } from "@/components/admin-relationships/customer-relationship-card";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { getCustomerAdminRelationshipOrThrow } from "@/lib/admin-relationships/queries";
import { memberForPage, orNotFound } from "@/lib/auth/page-guards";
import { customerAbilities } from "@/lib/auth/abilities";
import { signInFreshness } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { ClientMessages } from "@/components/shell/client-messages";

type Props = { params: Promise<{ customerId: string; relationshipId: string }> };

/** Where the approval email's link lands: one request of this customer only. */
export default async function CustomerAdminRelationshipPage({ params }: Props) {
  const { customerId, relationshipId } = await params;
  const member = await memberForPage(customerId, "customer", `/customer/${customerId}/admin-relationships/${relationshipId}`);
  const may = customerAbilities(member);
  if (!may.seeDashboard) return <Forbidden orgName={member.organization.name} />;
  const row = await orNotFound(async () => await getCustomerAdminRelationshipOrThrow(db(), member, relationshipId));
  const [t, signIn] = await Promise.all([getTranslations("customerAdminRelationships"), signInFreshness()]);
  return (
    <ClientMessages namespaces={["customerAdminRelationships", "adminRelationships", "accessAssignments"]}>
      <section className="max-w-3xl space-y-4">
        <Link href={`/customer/${customerId}`} className="text-sm">
          ← {t("backToDashboard")}
        </Link>
        <PageHeader title={t("detailTitle", { name: row.name })} />
        <CustomerRelationshipCard
          customerId={customerId}
          row={row}
          canDecide={may.decideAdminRelationships}
          signIn={signIn}
          headingLevel="h2"
        />
      </section>
    </ClientMessages>
  );
}
