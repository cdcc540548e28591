import Link from "next/link";
import { getTranslations } from "next-intl/server";

// Rendered once at build time: the same for everyone, served from the build output.
// It is also the benchmark's baseline for a static page of this app (docs/performance.md).
export const dynamic = "force-static";

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
