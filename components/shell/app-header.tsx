import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { Actor, listMemberships } from "@/lib/auth/membership";
import { signOutAction } from "@/lib/auth/actions";
import { env, isBuildPhase } from "@/lib/env";
import { orgHref } from "@/lib/organizations/href";
import { LanguagePicker } from "./language-picker";

/** The header of every page: the signed-in person, their organizations (read by the root layout), the language and the mailbox. */
export async function AppHeader({ actor, orgs }: { actor: Actor | null; orgs: Awaited<ReturnType<typeof listMemberships>> }) {
  const t = await getTranslations();
  // A page rendered at build time knows nothing of the running server's mailbox.
  const mailbox = !isBuildPhase() && Boolean(env().MAILBOX_API_URL);
  return (
    <header className="border-b border-gray-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-base font-semibold text-gray-900 no-underline">
          {t("common.appName")}
        </Link>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          {orgs.length > 0 && (
            <details className="relative">
              <summary className="cursor-pointer rounded-md border border-gray-300 px-3 py-1">{t("nav.switchOrg")}</summary>
              <ul className="absolute right-0 z-10 mt-1 w-72 rounded-md border border-gray-200 bg-white py-1 shadow-lg">
                {orgs.map((o) => (
                  <li key={o.id}>
                    <Link href={orgHref(o)} className="block px-3 py-2 hover:bg-gray-50">
                      {o.name} <span className="text-xs text-gray-500">({t(`home.kind.${o.kind}`)})</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </details>
          )}
          {mailbox && <Link href="/mailbox">{t("nav.mailbox")}</Link>}
          <LanguagePicker />
          {actor ? (
            <form action={signOutAction} className="flex items-center gap-2">
              <span className="text-gray-600">{actor.email}</span>
              <button type="submit" className="rounded-md border border-gray-300 px-2 py-1 hover:bg-gray-50">
                {t("common.signOut")}
              </button>
            </form>
          ) : (
            <Link href="/signin">{t("common.signIn")}</Link>
          )}
        </div>
      </div>
    </header>
  );
}
