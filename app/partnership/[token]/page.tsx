import { LinkClosed } from "@/components/invitations/link-closed";
import { TooManyAttempts } from "@/components/invitations/too-many-attempts";
import { recordTokenFailure, tokenAttemptsBlockedUntil } from "@/lib/rate-limits/request";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/format";
import { AccountGate } from "@/components/invitations/account-gate";
import { getActor } from "@/lib/auth/session";
import { getPartnershipLanding } from "@/lib/partnerships/landing";
import { serviceContext } from "@/lib/server-context";
import { PartnershipForms } from "./partnership-forms";
import { ClientMessages } from "@/components/shell/client-messages";

// The token is in the URL: never leak it to other sites through the Referer header.
export const metadata: Metadata = { referrer: "no-referrer", robots: { index: false } };

/** A provider's invitation to a two-tier partnership, answered by the reseller's Account admin. Viewing it changes nothing. */
export default async function PartnershipPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, format, actor] = await Promise.all([getTranslations(), getFormatter(), getActor()]);
  const blocked = await tokenAttemptsBlockedUntil();
  if (blocked) return <TooManyAttempts until={blocked} />;
  const landing = await getPartnershipLanding(serviceContext(), token);
  if (!landing) await recordTokenFailure();
  if (!landing) return <LinkClosed status="invalid" />;
  if (landing.status === "expired" || landing.status === "revoked") return <LinkClosed status={landing.status} />;
  if (landing.status !== "invited") return <LinkClosed status="used" />;
  const vars = { provider: landing.provider.name, reseller: landing.reseller.name };
  return (
    <ClientMessages namespaces={["partnerships"]}>
      <article className="mx-auto max-w-xl space-y-4 rounded-lg border border-gray-200 bg-white p-6">
        <h1 className="text-2xl font-semibold">{t("partnerships.landingTitle", vars)}</h1>
        <p className="text-gray-700">
          {t("partnerships.landingIntro", {
            ...vars,
            id: landing.provider.partnerPublicId ?? "",
            cloud: t(`clouds.${landing.provider.cloud}`),
          })}
        </p>
        <ul className="list-disc space-y-1 pl-6 text-sm">
          <li>{t("partnerships.landingEffect1", vars)}</li>
          <li>{t("partnerships.landingEffect2", vars)}</li>
          <li>{t("partnerships.landingEffect3", vars)}</li>
        </ul>
        <p className="text-sm text-gray-700">
          {t("join.forAddress", { email: landing.email })}{" "}
          {t("invite.expires", { date: format.dateTime(landing.expiresAt, { dateStyle: "long" }) })}
        </p>
        <AccountGate
          actor={actor}
          invitedEmail={landing.email}
          returnTo={`/partnership/${token}`}
          text={{
            notSignedIn: t("join.notSignedIn", { email: landing.email }),
            signInButton: t("join.signInButton", { email: landing.email }),
            wrongAccount: (current) => t("join.wrongAccount", { current, email: landing.email }),
          }}
        >
          <PartnershipForms token={token} providerName={landing.provider.name} />
        </AccountGate>
      </article>
    </ClientMessages>
  );
}
