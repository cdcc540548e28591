import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/format";
import { ClientMessages } from "@/components/shell/client-messages";
import { ApplicationStateBadge } from "@/components/enrollment/application-state-badge";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { Table, Td } from "@/components/ui/table";
import { getActor } from "@/lib/auth/session";
import { CLOUD_RULES } from "@/lib/clouds";
import { COUNTRY_CODES, countryName } from "@/lib/countries";
import { db } from "@/lib/db";
import { enrollmentOpen, listMyApplications } from "@/lib/enrollment/queries";
import { CLOUDS, PARTNER_TYPES } from "@/db/values/organizations";
import { EnrollForm } from "./enroll-form";
import { WithdrawApplicationForm } from "./withdraw-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("enroll");
  return { title: t("title") };
}

/** Public: anyone may read it; applying needs a sign-in at the company's domain (the domain check). */
export default async function EnrollPage() {
  const [t, format, locale, actor] = await Promise.all([getTranslations(), getFormatter(), getLocale(), getActor()]);
  const open = await enrollmentOpen(db());
  const mine = actor ? await listMyApplications(db(), actor) : [];
  const clouds = CLOUDS.map((c) => {
    const rules = CLOUD_RULES[c];
    const key = rules.partnerAgreement.key;
    return {
      id: c,
      name: t(`clouds.${c}`),
      open: rules.newPartners,
      agreement: {
        title: t(`partnerAgreements.${key}.title`),
        version: rules.partnerAgreement.version,
        text: t(`partnerAgreements.${key}.text`),
        url: rules.partnerAgreement.url,
      },
    };
  });
  const countries = COUNTRY_CODES.map((code) => ({ code, name: countryName(code, locale) })).sort((a, b) =>
    a.name.localeCompare(b.name, locale),
  );
  const partnerTypes = PARTNER_TYPES.map((p) => ({ id: p, name: t(`partnerTypes.${p}`), hint: t(`enroll.typeHints.${p}`) }));

  return (
    <div className="max-w-3xl space-y-8">
      <div>
        <PageHeader title={t("enroll.title")} />
        <p className="text-sm text-gray-700">{t("enroll.lead")}</p>
      </div>
      {!open ? (
        <Alert tone="info">{t("enroll.notOpen")}</Alert>
      ) : !actor ? (
        <div className="space-y-3">
          <p className="text-sm">{t("enroll.signInFirst")}</p>
          <Link
            href="/signin?redirectTo=/enroll"
            className="inline-block rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white no-underline hover:bg-blue-800"
          >
            {t("enroll.signInButton")}
          </Link>
        </div>
      ) : (
        <ClientMessages namespaces={["enroll"]}>
          {mine.length > 0 && (
            <Section id="my-applications" title={t("enroll.mine")}>
              <Table
                caption={t("enroll.mine")}
                head={[
                  t("enroll.companyName"),
                  t("enroll.cloud"),
                  t("enroll.status"),
                  t("enroll.submittedOn"),
                  t("partner.invitations.actions"),
                ]}
              >
                {mine.map((a) => (
                  <tr key={a.id} data-testid={`application-${a.primaryDomain}`}>
                    <Td>
                      <span className="font-medium">{a.companyName}</span>
                      <span className="block text-xs text-gray-600">
                        {a.primaryDomain} · {t(`partnerTypes.${a.partnerType}`)}
                      </span>
                    </Td>
                    <Td>{t(`clouds.${a.cloud}`)}</Td>
                    <Td>
                      <ApplicationStateBadge state={a.state} />
                      {a.rejectionReason && (
                        <p className="mt-1 text-xs text-gray-700">{t("enroll.reason", { reason: a.rejectionReason })}</p>
                      )}
                    </Td>
                    <Td>{format.dateTime(a.createdAt, { dateStyle: "medium" })}</Td>
                    <Td>
                      {a.state === "pending" ? (
                        <WithdrawApplicationForm applicationId={a.id} company={a.companyName} />
                      ) : a.partnerId ? (
                        <Link href={`/partner/${a.partnerId}/customers`}>{t("enroll.open")}</Link>
                      ) : null}
                    </Td>
                  </tr>
                ))}
              </Table>
            </Section>
          )}
          <Section id="apply" title={t("enroll.formTitle")}>
            <EnrollForm email={actor.email} clouds={clouds} countries={countries} partnerTypes={partnerTypes} />
          </Section>
        </ClientMessages>
      )}
    </div>
  );
}
