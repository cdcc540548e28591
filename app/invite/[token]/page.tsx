import { TooManyAttempts } from "@/components/invitations/too-many-attempts";
import { recordTokenFailure, tokenAttemptsBlockedUntil } from "@/lib/rate-limits/request";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/format";
import { RoleList } from "@/components/admin-relationships/role-list";
import { AccountGate } from "@/components/invitations/account-gate";
import { getActor } from "@/lib/auth/session";
import { signedInRecently } from "@/lib/auth/recent-sign-in";
import { GLOBAL_ADMINISTRATOR } from "@/db/values/directory-roles";
import { FreshSignIn } from "@/components/auth/fresh-sign-in";
import { CLOUD_RULES } from "@/lib/clouds";
import { Alert } from "@/components/ui/alert";
import { COUNTRY_CODES, countryName } from "@/lib/countries";
import { listAcceptableTenants } from "@/lib/customers/queries";
import { getInvitationLanding } from "@/lib/invitations/queries";
import { markInvitationOpened } from "@/lib/invitations/respond";
import { serviceContext } from "@/lib/server-context";
import { AcceptForm } from "./accept-form";
import { DeclineForm } from "./decline-form";
import { InvitationOutcome } from "./outcome";
import { ClientMessages } from "@/components/shell/client-messages";
import { execute } from "@/lib/operations/execute";

// The token is in the URL: never leak it to other sites through the Referer header.
export const metadata: Metadata = { referrer: "no-referrer", robots: { index: false } };

type Props = { params: Promise<{ token: string }> };

/**
 * The customer's first contact with the product. Viewing it (or a mail scanner fetching it)
 * records "opened" and nothing else; accepting and declining are POSTs from explicit presses.
 */
export default async function InvitePage({ params }: Props) {
  const { token } = await params;
  const ctx = serviceContext();
  // Guessing links costs attempts: an address with too many failures this minute is told when to retry.
  const blocked = await tokenAttemptsBlockedUntil();
  if (blocked) return <TooManyAttempts until={blocked} />;
  const landing = await getInvitationLanding(ctx, token);
  if (!landing) await recordTokenFailure();
  if (!landing || (landing.status !== "sent" && landing.status !== "opened")) return <InvitationOutcome landing={landing} />;
  await execute(markInvitationOpened, ctx, "system", { token });

  const [t, format, locale, actor] = await Promise.all([getTranslations(), getFormatter(), getLocale(), getActor()]);
  const rules = CLOUD_RULES[landing.partner.cloud];
  const partner = landing.partner.name;
  const cloudName = t(`clouds.${landing.partner.cloud}`);
  // Only organizations of the partner's cloud can accept: the others are named, not offered (rule 7).
  const tenants = actor ? await listAcceptableTenants(ctx.db, actor.userId) : [];
  const inCloud = tenants.filter((o) => o.cloud === landing.partner.cloud);
  const elsewhere = tenants.filter((o) => o.cloud !== landing.partner.cloud);
  const here = `/invite/${token}`;

  return (
    <ClientMessages namespaces={["invite"]}>
      <article className="mx-auto max-w-2xl space-y-6 rounded-lg border border-gray-200 bg-white p-6">
        <header className="space-y-2">
          <h1 className="text-2xl font-semibold">{t("invite.title", { partner })}</h1>
          <p className="text-gray-700">{t("invite.intro", { partner, cloud: cloudName })}</p>
          <p className="text-gray-700">{t("invite.grants", { partner })}</p>
          {landing.provider && (
            <p className="font-medium text-gray-900">{t("invite.withProvider", { partner, provider: landing.provider.name })}</p>
          )}
        </header>
        {landing.message && (
          <section aria-label={t("invite.messageFrom", { inviter: landing.inviterEmail })}>
            <p className="text-sm font-medium">{t("invite.messageFrom", { inviter: landing.inviterEmail })}</p>
            <blockquote className="mt-1 whitespace-pre-wrap border-l-4 border-blue-200 pl-3 text-sm text-gray-800">
              {landing.message}
            </blockquote>
          </section>
        )}
        {landing.adminRequest && (
          <section className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-4">
            <p className="text-sm font-medium">{t("invite.adminRoles", { partner, days: landing.adminRequest.durationDays })}</p>
            <RoleList roles={landing.adminRequest.roles} />
          </section>
        )}
        <section>
          <p className="text-sm font-medium">{t("invite.doesNotTitle")}</p>
          <ul className="mt-1 list-disc pl-6 text-sm text-gray-800">
            {(["subscriptions", "ownership", "terms", "partnerOfRecord", "otherPartners"] as const).map((k) => (
              <li key={k}>{t(`rule3.${k}`)}</li>
            ))}
          </ul>
        </section>
        <p className="text-sm text-gray-700">
          {t("invite.forAddress", { email: landing.email })}{" "}
          {t("invite.expires", { date: format.dateTime(landing.expiresAt, { dateStyle: "long" }) })}
        </p>

        <AccountGate
          actor={actor}
          invitedEmail={landing.email}
          returnTo={here}
          text={{
            notSignedIn: t("invite.notSignedIn", { email: landing.email }),
            signInButton: t("invite.signInButton", { email: landing.email }),
            wrongAccount: (current) => t("invite.wrongAccount", { current, email: landing.email }),
          }}
        >
          {actor && (
            <div className="space-y-4">
              <p className="text-sm text-gray-700">
                {t("invite.signedInAs", { email: actor.email })} {t("invite.canAccept")}
              </p>
              {elsewhere.length > 0 && (
                <Alert tone="info">
                  {t("invite.otherCloudTenants", {
                    names: elsewhere.map((o) => `${o.name} (${t(`clouds.${o.cloud}`)})`).join(", "),
                    cloud: cloudName,
                  })}
                </Alert>
              )}
              {landing.adminRequest?.roles.includes(GLOBAL_ADMINISTRATOR) && !signedInRecently(actor, new Date()) ? (
                <>
                  <FreshSignIn
                    email={actor.email}
                    returnTo={here}
                    text={{ body: t("invite.freshSignInBody", { partner }), button: t("signIn.submit"), pending: t("signIn.pending") }}
                  />
                  <DeclineForm token={token} partnerName={partner} />
                </>
              ) : (
                <AcceptForm
                  token={token}
                  partnerName={partner}
                  cloudName={cloudName}
                  tenants={inCloud}
                  countries={COUNTRY_CODES.map((code) => ({ code, name: countryName(code, locale) })).sort((a, b) =>
                    a.name.localeCompare(b.name, locale),
                  )}
                  agreement={{
                    title: t(`agreements.${rules.agreementKey as "customerAgreement" | "customerAgreementChina"}`),
                    url: rules.agreementUrl,
                  }}
                />
              )}
            </div>
          )}
        </AccountGate>
      </article>
    </ClientMessages>
  );
}
