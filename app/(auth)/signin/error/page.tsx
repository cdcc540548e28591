import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInErrorPage({ searchParams }: Props) {
  const [sp, t] = await Promise.all([searchParams, getTranslations("signIn")]);
  // The continue page was opened in another browser, or long ago: its CSRF token no longer matches.
  const expiredPage = sp.error === "ExpiredPage";
  return (
    <div className="mx-auto max-w-md space-y-3 rounded-lg border border-gray-200 bg-white p-6" role="alert">
      <h1 className="text-2xl font-semibold">{t("errorTitle")}</h1>
      <p className="text-sm text-gray-700">{expiredPage ? t("errorExpiredPage") : t("errorBody")}</p>
      <Link href="/signin">{t("tryAgain")}</Link>
    </div>
  );
}
