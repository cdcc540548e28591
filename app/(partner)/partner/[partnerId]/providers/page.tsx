import { getTranslations } from "next-intl/server";
import { PartnershipsTable } from "@/components/partnerships/partnerships-table";
import { Forbidden } from "@/components/shell/forbidden";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { memberForPage } from "@/lib/auth/page-guards";
import { partnerAbilities } from "@/lib/auth/abilities";
import { systemClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { listPartnerships } from "@/lib/partnerships/queries";
import { ClientMessages } from "@/components/shell/client-messages";

/** An indirect reseller's providers: the partnerships its customer invitations go through. */
export default async function ProvidersPage({ params }: { params: Promise<{ partnerId: string }> }) {
  const { partnerId } = await params;
  const member = await memberForPage(partnerId, "partner", `/partner/${partnerId}/providers`);
  const may = partnerAbilities(member);
  if (!may.seePartnerships) return <Forbidden orgName={member.organization.name} />;
  const t = await getTranslations("partnerships");
  if (member.organization.partnerType !== "indirect_reseller") {
    return (
      <section className="space-y-4">
        <PageHeader title={t("providersTitle")} />
        <Alert tone="info">{t("notReseller")}</Alert>
      </section>
    );
  }
  return (
    <ClientMessages namespaces={["partnerships"]}>
      <section className="space-y-4">
        <PageHeader title={t("providersTitle")} />
        <p className="text-sm text-gray-700">{t("providersIntro")}</p>
        <PartnershipsTable
          rows={await listPartnerships(db(), member, "reseller")}
          organizationId={partnerId}
          side="reseller"
          canWrite={may.managePartnerships}
          now={systemClock()}
        />
      </section>
    </ClientMessages>
  );
}
