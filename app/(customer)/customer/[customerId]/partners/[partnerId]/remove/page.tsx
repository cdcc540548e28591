import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RemovalEffects } from "@/components/relationships/removal-preview";
import { RemovePartnerForm } from "@/components/relationships/remove-forms";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { memberForPage } from "@/lib/auth/page-guards";
import { customerAbilities } from "@/lib/auth/abilities";
import { getCustomerPartnerRelationship } from "@/lib/customers/queries";
import { db } from "@/lib/db";
import { previewRemovalFor } from "@/lib/relationships/removal-preview";
import { ClientMessages } from "@/components/shell/client-messages";

type Props = { params: Promise<{ customerId: string; partnerId: string }> };

export default async function RemovePartnerPage({ params }: Props) {
  const { customerId, partnerId } = await params;
  const back = `/customer/${customerId}`;
  const member = await memberForPage(customerId, "customer", `${back}/partners/${partnerId}/remove`);
  const may = customerAbilities(member);
  if (!may.removePartners) return <Forbidden orgName={member.organization.name} />;
  // Only a partner this customer works or worked with; any other id is "not found".
  const partner = await getCustomerPartnerRelationship(db(), member, partnerId);
  if (!partner) notFound();
  const t = await getTranslations("removal");
  if (partner.state !== "active") {
    return (
      <section className="max-w-2xl space-y-4">
        <p role="status">{t("removedPartner", { partner: partner.name })}</p>
        <Link href={back}>← {t("back")}</Link>
      </section>
    );
  }
  const preview = await previewRemovalFor(db(), member, partner.id);
  return (
    <ClientMessages namespaces={["removal"]}>
      <section className="max-w-2xl space-y-6">
        <Link href={back} className="text-sm">
          ← {t("back")}
        </Link>
        <PageHeader title={t("customerTitle", { partner: partner.name })} />
        <RemovalEffects
          partnerName={partner.name}
          customerName={member.organization.name}
          endingAdminRelationships={preview.endingAdminRelationships}
          endingSupport={preview.endingSupport}
          endingResellers={preview.endingResellers}
        />
        <RemovePartnerForm customerId={member.organization.id} partnerId={partner.id} />
      </section>
    </ClientMessages>
  );
}
