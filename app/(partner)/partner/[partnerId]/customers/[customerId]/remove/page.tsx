import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { RemovalEffects } from "@/components/relationships/removal-preview";
import { RemoveCustomerForm } from "@/components/relationships/remove-forms";
import { Forbidden } from "@/components/shell/forbidden";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { memberForPage, orNotFound } from "@/lib/auth/page-guards";
import { partnerAbilities } from "@/lib/auth/abilities";
import { db } from "@/lib/db";
import { getPartnerCustomerOrThrow } from "@/lib/partners/queries";
import { previewRemovalFor } from "@/lib/relationships/removal-preview";
import { ClientMessages } from "@/components/shell/client-messages";

type Props = { params: Promise<{ partnerId: string; customerId: string }> };

export default async function RemoveCustomerPage({ params }: Props) {
  const { partnerId, customerId } = await params;
  const back = `/partner/${partnerId}/customers/${customerId}`;
  const member = await memberForPage(partnerId, "partner", `${back}/remove`);
  const may = partnerAbilities(member);
  if (!may.removeCustomers) return <Forbidden orgName={member.organization.name} />;
  const found = await orNotFound(async () => await getPartnerCustomerOrThrow(db(), member, customerId));
  const customer = found.customer;
  const t = await getTranslations();
  if (found.relationship.state !== "active") {
    return (
      <section className="max-w-2xl space-y-4">
        <p role="status">{t("removal.removed", { customer: customer.name })}</p>
        <Link href={back}>← {t("removal.back")}</Link>
      </section>
    );
  }
  const preview = await previewRemovalFor(db(), member, customer.id);
  const reseller = member.organization.partnerType === "indirect_reseller";
  return (
    <ClientMessages namespaces={["removal"]}>
      <section className="max-w-2xl space-y-6">
        <Link href={back} className="text-sm">
          ← {t("removal.back")}
        </Link>
        <PageHeader title={t("removal.partnerTitle", { customer: customer.name })} />
        <RemovalEffects
          partnerName={member.organization.name}
          customerName={customer.name}
          endingAdminRelationships={preview.endingAdminRelationships}
          endingSupport={preview.endingSupport}
          endingResellers={preview.endingResellers}
        />
        {reseller ? (
          <Alert tone="warning" role="alert">
            {t("removal.resellerCannot")}
          </Alert>
        ) : preview.blockers.length > 0 ? (
          <Section id="removal-blockers" title={t("removal.blockersTitle")}>
            <p className="text-sm">{t("removal.blockersIntro")}</p>
            <ul className="list-disc pl-6 text-sm">
              {preview.blockers.map((b) => (
                <li key={b.id}>
                  <Link href={`${back}#subscription-${b.id}`}>{t("removal.blockerLink", { product: b.product, seats: b.seats })}</Link>
                </li>
              ))}
            </ul>
          </Section>
        ) : (
          <RemoveCustomerForm partnerId={partnerId} customerId={customer.id} />
        )}
      </section>
    </ClientMessages>
  );
}
