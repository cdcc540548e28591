import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function SignInErrorPage() {
  const t = await getTranslations("signIn");
  return (
    <div className="mx-auto max-w-md space-y-3 rounded-lg border border-gray-200 bg-white p-6" role="alert">
      <h1 className="text-2xl font-semibold">{t("errorTitle")}</h1>
      <p className="text-sm text-gray-700">{t("errorBody")}</p>
      <Link href="/signin">{t("tryAgain")}</Link>
    </div>
  );
}
