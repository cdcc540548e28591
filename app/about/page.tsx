import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";

// Rendered per request like every page: a prerendered copy would carry no CSP nonce (its
// scripts would be refused), and it would be in English with a signed-out header for everyone.
export default async function AboutPage() {
  const t = await getTranslations("about");
  return (
    <article className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-gray-700">{t("intro")}</p>
      <p className="text-gray-700">{t("promise")}</p>
      <Link href="/signin">{t("signIn")}</Link>
    </article>
  );
}
