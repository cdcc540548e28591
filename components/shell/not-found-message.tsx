import { getTranslations } from "next-intl/server";

export async function NotFoundMessage() {
  const t = await getTranslations("common");
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold">{t("notFoundTitle")}</h1>
      <p>{t("notFoundBody")}</p>
      {/* A plain link: the root not-found page then needs no client router code of its own (Turbopack would ship next/link twice). */}
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above */}
      <a href="/">{t("home")}</a>
    </div>
  );
}
