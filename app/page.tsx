import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { orgHref } from "@/lib/organizations/href";
import { listMemberships } from "@/lib/auth/membership";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db";

export default async function HomePage() {
  const [t, actor] = await Promise.all([getTranslations(), getActor()]);
  if (!actor) {
    return (
      <div className="max-w-2xl space-y-4">
        <h1 className="text-3xl font-semibold">{t("home.title")}</h1>
        <p className="text-gray-700">{t("home.lead")}</p>
        <div className="flex flex-wrap items-center gap-4">
          <Link
            href="/signin"
            className="inline-block rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white no-underline hover:bg-blue-800"
          >
            {t("common.signIn")}
          </Link>
          <Link href="/enroll">{t("home.enroll")}</Link>
        </div>
      </div>
    );
  }
  const orgs = await listMemberships(db(), actor.userId);
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("home.chooseOrg")}</h1>
      <p className="text-sm text-gray-600">{t("home.signedInAs", { email: actor.email })}</p>
      {orgs.length === 0 ? (
        <div className="space-y-2">
          <p>{t("home.noOrgs")}</p>
          <p>
            <Link href="/enroll">{t("home.enrollLead")}</Link>
          </p>
        </div>
      ) : (
        <ul className="divide-y divide-gray-200 rounded-md border border-gray-200 bg-white">
          {orgs.map((o) => (
            <li key={o.id}>
              <Link href={orgHref(o)} className="block px-4 py-3 no-underline hover:bg-gray-50">
                <span className="font-medium text-gray-900">{o.name}</span>{" "}
                <span className="text-sm text-gray-600">
                  · {t(`home.kind.${o.kind}`)} · {t(`clouds.${o.cloud}`)}
                </span>
                <span className="block text-xs text-gray-500">
                  {t("home.roles", { roles: o.roles.map((r) => t(`roles.${r}`)).join(", ") })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
