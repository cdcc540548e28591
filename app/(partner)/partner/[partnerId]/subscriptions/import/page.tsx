import { isInGoodStanding } from "@/lib/partners/standing";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/shell/client-messages";
import { Forbidden } from "@/components/shell/forbidden";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { memberForPage } from "@/lib/auth/page-guards";
import { partnerAbilities } from "@/lib/auth/abilities";
import { IMPORT_COLUMNS, MAX_IMPORT_ROWS } from "@/lib/subscriptions/import-file";
import { ImportForm } from "./import-form";

type Props = { params: Promise<{ partnerId: string }> };

const EXAMPLE = `${IMPORT_COLUMNS.join(",")}\nadventure-works.com,Microsoft 365 E3,25,2027-06-30,active`;

/** CSV import of the subscriptions a partner already sells, checked row by row before anything is written. */
export default async function ImportSubscriptionsPage({ params }: Props) {
  const { partnerId } = await params;
  const member = await memberForPage(partnerId, "partner", `/partner/${partnerId}/subscriptions/import`);
  const may = partnerAbilities(member);
  if (!may.sellSubscriptions) return <Forbidden orgName={member.organization.name} />;
  const t = await getTranslations();
  return (
    <div className="max-w-4xl space-y-6">
      <Link href={`/partner/${partnerId}/customers`} className="text-sm">
        ← {t("partner.customer.backToList")}
      </Link>
      <PageHeader title={t("subscriptionOps.import.title")} />
      <p className="text-sm text-gray-700">{t("subscriptionOps.import.intro", { max: MAX_IMPORT_ROWS })}</p>
      <pre className="overflow-x-auto rounded-md border border-gray-200 bg-gray-50 p-3 text-xs">{EXAMPLE}</pre>
      {!isInGoodStanding(member.organization) ? (
        <Alert tone="warning">
          {t(member.organization.partnerState === "offboarded" ? "errors.PARTNER_OFFBOARDED" : "errors.PARTNER_SUSPENDED", {
            name: member.organization.name,
          })}
        </Alert>
      ) : (
        <ClientMessages namespaces={["subscriptionOps"]}>
          <ImportForm partnerId={partnerId} example={EXAMPLE} />
        </ClientMessages>
      )}
    </div>
  );
}
