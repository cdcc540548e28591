import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { CSRF_REQUEST_HEADER } from "@/lib/auth/csrf";

// The token is in the URL: never leak it to other sites through the Referer header.
export const metadata: Metadata = { referrer: "no-referrer", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined, max: number) => (typeof v === "string" && v.length <= max ? v : "");

/**
 * Where the emailed sign-in link lands. Opening it changes nothing: mail scanners that
 * fetch links before the person does would otherwise use up the single-use token. The
 * person presses the button, which posts the same values to the callback with the browser's
 * CSRF token (proxy.ts issues it): the callback completes only that way, so another site
 * cannot sign a visitor in as someone else (app/api/auth/[...nextauth]/route.ts).
 */
export default async function ContinueSignInPage({ searchParams }: Props) {
  const [sp, t, h] = await Promise.all([searchParams, getTranslations("signIn"), headers()]);
  const csrfToken = h.get(CSRF_REQUEST_HEADER) ?? "";
  const token = one(sp.token, 200);
  const email = one(sp.email, 254);
  const callbackUrl = one(sp.callbackUrl, 2000);
  const box = "mx-auto max-w-md space-y-4 rounded-lg border border-gray-200 bg-white p-6";
  if (!token || !email) {
    return (
      <div className={box} role="alert">
        <h1 className="text-2xl font-semibold">{t("continueInvalid")}</h1>
      </div>
    );
  }
  return (
    <div className={box}>
      <h1 className="text-2xl font-semibold">{t("continueTitle")}</h1>
      <p className="text-sm text-gray-700">{t("continueBody", { email })}</p>
      <form method="post" action="/api/auth/callback/nodemailer">
        <input type="hidden" name="csrfToken" value={csrfToken} />
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="email" value={email} />
        {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
        <button type="submit" className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800">
          {t("continueButton")}
        </button>
      </form>
    </div>
  );
}
