import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/format";
import type { getInvitationLanding } from "@/lib/invitations/queries";

type Landing = Awaited<ReturnType<typeof getInvitationLanding>>;

/** A clear page for every link that can no longer be answered: invalid, expired, revoked, used. */
export async function InvitationOutcome({ landing }: { landing: Landing }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  let title: string;
  let body: string;
  if (!landing) {
    title = t("invite.invalidTitle");
    body = t("invite.invalidBody");
  } else if (landing.status === "expired") {
    title = t("invite.expiredTitle");
    body = t("invite.expiredBody", { partner: landing.partner.name, date: format.dateTime(landing.expiresAt, { dateStyle: "long" }) });
  } else if (landing.status === "revoked") {
    title = t("invite.revokedTitle");
    body = t("invite.revokedBody", { partner: landing.partner.name });
  } else {
    title = t("invite.usedTitle");
    body = t("invite.usedBody", { partner: landing.partner.name, status: t(`invitationStatus.${landing.status}`).toLowerCase() });
  }
  return (
    <div className="mx-auto max-w-xl space-y-3 rounded-lg border border-gray-200 bg-white p-6" role="alert">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="text-gray-700">{body}</p>
    </div>
  );
}
