import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/format";
import { ActivityList } from "@/components/activity/activity-list";
import { PartnerStateBadge } from "@/components/operator/partner-state-badge";
import { ClientMessages } from "@/components/shell/client-messages";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { Table, Td } from "@/components/ui/table";
import { operatorForPage, orNotFound } from "@/lib/auth/page-guards";
import { operatorAbilities } from "@/lib/auth/abilities";
import { countryName } from "@/lib/countries";
import { db } from "@/lib/db";
import { getPartnerForOperator } from "@/lib/operator/queries";
import { StandingForms } from "./standing-forms";

type Props = { params: Promise<{ partnerId: string }> };

export default async function OperatorPartnerPage({ params }: Props) {
  const { partnerId } = await params;
  const member = await operatorForPage(`/operator/partners/${partnerId}`);
  const may = operatorAbilities(member);
  if (!may.readConsole) return <Forbidden orgName={member.organization.name} />;
  const found = await orNotFound(async () => await getPartnerForOperator(db(), member, partnerId));
  const { partner, members, customers, adminInForce, activity } = found;
  const [t, format, locale] = await Promise.all([getTranslations(), getFormatter(), getLocale()]);
  const roleName = t as unknown as (key: string) => string;
  return (
    <div className="space-y-8">
      <div>
        <Link href="/operator/partners" className="text-sm">
          ← {t("operator.partners.back")}
        </Link>
        <PageHeader title={partner.name}>
          <PartnerStateBadge state={partner.partnerState} />
        </PageHeader>
        <p className="text-sm text-gray-700">
          {partner.primaryDomain} · {countryName(partner.country, locale)} · {t(`clouds.${partner.cloud}`)} ·{" "}
          {partner.partnerType ? t(`partnerTypes.${partner.partnerType}`) : "—"} ·{" "}
          {t("operator.partner.publicId", { id: partner.partnerPublicId ?? "—" })} ·{" "}
          {partner.isCspTransactionTenant ? t("operator.partner.cspTenant") : t("operator.partner.notCspTenant")}
        </p>
        <p className="mt-2 text-sm">{t("operator.partner.counts", { customers, adminRelationships: adminInForce })}</p>
      </div>
      <Section id="members" title={t("operator.partner.members")}>
        <Table caption={t("operator.partner.members")} head={[t("team.email"), t("team.roles"), t("team.since")]}>
          {members.map((m) => (
            <tr key={m.email}>
              <Td>{m.email}</Td>
              <Td>{m.roles.map((r) => roleName(`roles.${r}`)).join(", ")}</Td>
              <Td>{format.dateTime(m.since, { dateStyle: "medium" })}</Td>
            </tr>
          ))}
        </Table>
      </Section>
      {may.managePartners && (
        <Section id="standing" title={t("operator.partner.standing")}>
          <ClientMessages namespaces={["operator"]}>
            <StandingForms partnerId={partner.id} partnerName={partner.name} state={partner.partnerState} />
          </ClientMessages>
        </Section>
      )}
      <Section id="activity" title={t("operator.partner.activity")}>
        <ActivityList rows={activity} emptyText={t("partner.customer.noActivity")} />
      </Section>
    </div>
  );
}
