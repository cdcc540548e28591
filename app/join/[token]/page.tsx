import { LinkClosed } from "@/components/invitations/link-closed";
import { TooManyAttempts } from "@/components/invitations/too-many-attempts";
import { recordTokenFailure, tokenAttemptsBlockedUntil } from "@/lib/rate-limits/request";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/format";
import { AccountGate } from "@/components/invitations/account-gate";
import { getActor } from "@/lib/auth/session";
import { serviceContext } from "@/lib/server-context";
import { getJoinLanding } from "@/lib/team/queries";
import { JoinForms } from "./join-forms";
import { ClientMessages } from "@/components/shell/client-messages";

// The token is in the URL: never leak it to other sites through the Referer header.
export const metadata: Metadata = { referrer: "no-referrer", robots: { index: false } };

/** An invitation to join an organization as a colleague or user. Viewing it changes nothing. */
export default async function JoinPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, format, actor] = await Promise.all([getTranslations(), getFormatter(), getActor()]);
  const blocked = await tokenAttemptsBlockedUntil();
  if (blocked) return <TooManyAttempts until={blocked} />;
  const landing = await getJoinLanding(serviceContext(), token);
  if (!landing) await recordTokenFailure();
  if (!landing) return <LinkClosed status="invalid" />;
  if (landing.status === "expired" || landing.status === "revoked") return <LinkClosed status={landing.status} />;
  if (landing.status !== "sent" && landing.status !== "opened") return <LinkClosed status="used" />;
  const organization = landing.organization.name;
  const roleName = t as unknown as (key: string) => string;
  const here = `/join/${token}`;
  return (
    <ClientMessages namespaces={["join"]}>
      <article className="mx-auto max-w-xl space-y-4 rounded-lg border border-gray-200 bg-white p-6">
        <h1 className="text-2xl font-semibold">{t("join.title", { organization })}</h1>
        <p className="text-gray-700">{t("join.intro", { organization, inviter: landing.inviterEmail })}</p>
        <ul className="list-disc pl-6 text-sm">
          {landing.roles.map((r) => (
            <li key={r}>{roleName(`roles.${r}`)}</li>
          ))}
        </ul>
        <p className="text-sm text-gray-700">
          {t("join.forAddress", { email: landing.email })}{" "}
          {t("invite.expires", { date: format.dateTime(landing.expiresAt, { dateStyle: "long" }) })}
        </p>
        <AccountGate
          actor={actor}
          invitedEmail={landing.email}
          returnTo={here}
          text={{
            notSignedIn: t("join.notSignedIn", { email: landing.email }),
            signInButton: t("join.signInButton", { email: landing.email }),
            wrongAccount: (current) => t("join.wrongAccount", { current, email: landing.email }),
          }}
        >
          {actor && <p className="text-sm text-gray-700">{t("join.signedInAs", { email: actor.email })}</p>}
          <JoinForms token={token} organizationName={organization} />
        </AccountGate>
      </article>
    </ClientMessages>
  );
}
