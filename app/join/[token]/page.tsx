import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { signOutAction } from "@/lib/auth/actions";
import { getActor } from "@/lib/auth/session";
import { serviceContext } from "@/lib/server-context";
import { getJoinLanding } from "@/lib/team/queries";
import { JoinForms } from "./join-forms";

// The token is in the URL: never leak it to other sites through the Referer header.
export const metadata: Metadata = { referrer: "no-referrer", robots: { index: false } };

/** An invitation to join an organization as a colleague or user. Viewing it changes nothing. */
export default async function JoinPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, format, actor] = await Promise.all([getTranslations(), getFormatter(), getActor()]);
  const landing = getJoinLanding(serviceContext(), token);
  const box = "mx-auto max-w-xl space-y-4 rounded-lg border border-gray-200 bg-white p-6";
  if (!landing || (landing.status !== "sent" && landing.status !== "opened")) {
    const title = !landing ? t("invite.invalidTitle") : landing.status === "expired" ? t("invite.expiredTitle") : landing.status === "revoked" ? t("invite.revokedTitle") : t("invite.usedTitle");
    return (
      <div className={box} role="alert">
        <h1 className="text-2xl font-semibold">{title}</h1>
      </div>
    );
  }
  const organization = landing.organization.name;
  const roleName = t as unknown as (key: string) => string;
  const here = `/join/${token}`;
  return (
    <article className={box}>
      <h1 className="text-2xl font-semibold">{t("join.title", { organization })}</h1>
      <p className="text-gray-700">{t("join.intro", { organization, inviter: landing.inviterEmail })}</p>
      <ul className="list-disc pl-6 text-sm">
        {landing.roles.map((r) => (
          <li key={r}>{roleName(`roles.${r}`)}</li>
        ))}
      </ul>
      <p className="text-sm text-gray-700">
        {t("join.forAddress", { email: landing.email })} {t("invite.expires", { date: format.dateTime(landing.expiresAt, { dateStyle: "long" }) })}
      </p>
      {!actor && (
        <>
          <Alert tone="info">{t("join.notSignedIn", { email: landing.email })}</Alert>
          <Link href={`/signin?${new URLSearchParams({ email: landing.email, redirectTo: here })}`} className="inline-block rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white no-underline hover:bg-blue-800">
            {t("join.signInButton", { email: landing.email })}
          </Link>
        </>
      )}
      {actor && actor.email !== landing.email && (
        <>
          <Alert tone="error" role="alert">
            {t("join.wrongAccount", { current: actor.email, email: landing.email })}
          </Alert>
          <form action={signOutAction}>
            <input type="hidden" name="redirectTo" value={here} />
            <button type="submit" className="rounded-md border border-gray-300 px-4 py-2 text-sm hover:bg-gray-50">
              {t("invite.switchAccount")}
            </button>
          </form>
        </>
      )}
      {actor && actor.email === landing.email && (
        <>
          <p className="text-sm text-gray-700">{t("join.signedInAs", { email: actor.email })}</p>
          <JoinForms token={token} organizationName={organization} />
        </>
      )}
    </article>
  );
}
