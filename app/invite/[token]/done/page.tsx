import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { getInvitationLanding } from "@/lib/invitations/queries";
import { serviceContext } from "@/lib/server-context";

export const metadata: Metadata = { referrer: "no-referrer", robots: { index: false } };

/** Where the person lands after answering; shown only to the person who answered. */
export default async function InvitationDonePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const ctx = serviceContext();
  const [landing, actor, t] = await Promise.all([await getInvitationLanding(ctx, token), getActor(), getTranslations("invite")]);
  if (!landing || !actor || actor.email !== landing.email || (landing.status !== "accepted" && landing.status !== "declined")) {
    redirect(`/invite/${token}`);
  }
  const partner = landing.partner.name;
  if (landing.status === "declined") {
    return (
      <div className="mx-auto max-w-xl space-y-3 rounded-lg border border-gray-200 bg-white p-6" role="status">
        <h1 className="text-2xl font-semibold">{t("declinedTitle")}</h1>
        <p>{t("declinedBody", { partner })}</p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-xl space-y-3 rounded-lg border border-gray-200 bg-white p-6" role="status">
      <h1 className="text-2xl font-semibold">{t("acceptedTitle", { partner })}</h1>
      <p>{t("acceptedBody", { partner, customer: landing.customerName ?? "" })}</p>
      {landing.provider && <p>{t("doneWithProvider", { partner, provider: landing.provider.name })}</p>}
      {landing.customerId && <Link href={`/customer/${landing.customerId}`}>{t("goToDashboard")}</Link>}
    </div>
  );
}
