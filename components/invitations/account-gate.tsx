import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import type { Actor } from "@/lib/auth/membership";
import { signOutAction } from "@/lib/auth/actions";

type Props = {
  actor: Actor | null;
  invitedEmail: string;
  /** Where sign-in and "switch account" come back to. */
  returnTo: string;
  text: { notSignedIn: string; signInButton: string; wrongAccount: (current: string) => string };
  children: ReactNode;
};

/**
 * An emailed link answers only to the address it was sent to: nobody signed in gets a
 * sign-in prompt for that address, anyone else a refusal that changes nothing.
 */
export async function AccountGate({ actor, invitedEmail, returnTo, text, children }: Props) {
  const t = await getTranslations("invite");
  if (!actor) {
    return (
      <div className="space-y-3">
        <Alert tone="info">{text.notSignedIn}</Alert>
        <Link
          href={`/signin?${new URLSearchParams({ email: invitedEmail, redirectTo: returnTo })}`}
          className="inline-block rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white no-underline hover:bg-blue-800"
        >
          {text.signInButton}
        </Link>
      </div>
    );
  }
  if (actor.email !== invitedEmail) {
    return (
      <div className="space-y-3">
        <Alert tone="error" role="alert">
          {text.wrongAccount(actor.email)}
        </Alert>
        <form action={signOutAction}>
          <input type="hidden" name="redirectTo" value={returnTo} />
          <button type="submit" className="rounded-md border border-gray-300 px-4 py-2 text-sm hover:bg-gray-50">
            {t("switchAccount")}
          </button>
        </form>
      </div>
    );
  }
  return <>{children}</>;
}
