import { getTranslations } from "next-intl/server";

/** What an address that failed too many emailed-link tokens this minute sees instead of a lookup. */
export async function TooManyAttempts({ until }: { until: Date }) {
  const t = await getTranslations();
  return (
    <div className="mx-auto max-w-xl space-y-3 rounded-lg border border-gray-200 bg-white p-6" role="alert">
      <h1 className="text-2xl font-semibold">{t("invite.invalidTitle")}</h1>
      <p className="text-gray-700">{t("errors.RATE_LIMITED", { at: until })}</p>
    </div>
  );
}
