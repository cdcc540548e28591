import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/format";
import { ApplicationStateBadge } from "@/components/enrollment/application-state-badge";
import { ClientMessages } from "@/components/shell/client-messages";
import { Forbidden } from "@/components/shell/forbidden";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { operatorForPage, orNotFound } from "@/lib/auth/page-guards";
import { operatorAbilities } from "@/lib/auth/abilities";
import { countryName } from "@/lib/countries";
import { db } from "@/lib/db";
import { getApplicationOrThrow } from "@/lib/operator/queries";
import { DecisionForms } from "./decision-forms";

type Props = { params: Promise<{ applicationId: string }> };

export default async function ApplicationPage({ params }: Props) {
  const { applicationId } = await params;
  const member = await operatorForPage(`/operator/applications/${applicationId}`);
  const may = operatorAbilities(member);
  if (!may.readConsole) return <Forbidden orgName={member.organization.name} />;
  const app = await orNotFound(async () => await getApplicationOrThrow(db(), member, applicationId));
  const [t, format, locale] = await Promise.all([getTranslations(), getFormatter(), getLocale()]);
  const facts: [string, string][] = [
    [t("enroll.primaryDomain"), app.primaryDomain],
    [t("enroll.country"), countryName(app.country, locale)],
    [t("enroll.cloud"), t(`clouds.${app.cloud}`)],
    [t("enroll.partnerType"), t(`partnerTypes.${app.partnerType}`)],
    [
      t("enroll.corporateDomain"),
      app.corporateDomain
        ? t("operator.applications.corporateUnverified", { domain: app.corporateDomain, primary: app.primaryDomain })
        : "—",
    ],
    [t("operator.applications.applicant"), app.applicantEmail],
    [t("operator.applications.agreement"), app.agreementVersion],
    [t("enroll.submittedOn"), format.dateTime(app.createdAt, { dateStyle: "long", timeStyle: "short" })],
  ];
  return (
    <div className="space-y-6">
      <Link href="/operator/applications" className="text-sm">
        ← {t("operator.applications.back")}
      </Link>
      <PageHeader title={app.companyName}>
        <ApplicationStateBadge state={app.state} />
      </PageHeader>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        {facts.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="font-medium text-gray-700">{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {app.corporate && (app.corporate.takenByOrganization || app.corporate.claims.length > 0) && (
        <Alert tone="warning">
          <ul className="list-disc pl-5">
            {app.corporate.takenByOrganization && (
              <li>{t("operator.applications.corporateTakenByOrganization", { domain: app.corporate.domain })}</li>
            )}
            {app.corporate.claims.length > 0 && (
              <li>
                {t("operator.applications.corporateConflicts", { domain: app.corporate.domain, list: "" })}{" "}
                {app.corporate.claims.map((c, i) => (
                  <span key={c.id}>
                    {i > 0 && ", "}
                    <Link href={`/operator/applications/${c.id}`}>
                      {c.companyName} ({c.primaryDomain})
                    </Link>
                  </span>
                ))}
              </li>
            )}
          </ul>
        </Alert>
      )}
      {app.state !== "pending" ? (
        <p className="text-sm text-gray-700" role="status">
          {t("operator.applications.decided", {
            by: app.decidedBy ?? "—",
            date: app.decidedAt ? format.dateTime(app.decidedAt, { dateStyle: "long" }) : "—",
          })}
          {app.rejectionReason ? ` ${t("enroll.reason", { reason: app.rejectionReason })}` : ""}
          {app.partnerId && (
            <>
              {" "}
              <Link href={`/operator/partners/${app.partnerId}`}>{t("operator.applications.openPartner")}</Link>
            </>
          )}
        </p>
      ) : may.decideApplications && app.own ? (
        <p className="text-sm text-gray-700" role="status">
          {t("operator.applications.ownApplication")}
        </p>
      ) : may.decideApplications ? (
        <ClientMessages namespaces={["operator"]}>
          <DecisionForms
            applicationId={app.id}
            company={app.companyName}
            corporate={app.corporateDomain ? { domain: app.corporateDomain, primary: app.primaryDomain } : null}
          />
        </ClientMessages>
      ) : (
        <p className="text-sm text-gray-700">{t("operator.applications.readOnly")}</p>
      )}
    </div>
  );
}
