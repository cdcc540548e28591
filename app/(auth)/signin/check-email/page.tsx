import { getTranslations } from "next-intl/server";

export default async function CheckEmailPage() {
  const t = await getTranslations("signIn");
  return (
    <div className="mx-auto max-w-md space-y-3 rounded-lg border border-gray-200 bg-white p-6" role="status">
      <h1 className="text-2xl font-semibold">{t("checkTitle")}</h1>
      <p className="text-sm text-gray-700">{t("checkBody")}</p>
    </div>
  );
}
