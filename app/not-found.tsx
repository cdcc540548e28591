import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";

/**
 * An unknown address gets this page in the server's HTML. A `notFound()` thrown by a page
 * (another tenant's id, an unknown message) answers 404 with Next's empty error shell, and the
 * browser draws this page once its scripts run: Next does not server-render the not-found
 * boundary there (vercel/next.js#62228; the fix, #98583, is open). Without JavaScript such a
 * 404 shows the title only.
 */
export default async function NotFound() {
  const t = await getTranslations("common");
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold">{t("notFoundTitle")}</h1>
      <p>{t("notFoundBody")}</p>
      <Link href="/">{t("home")}</Link>
    </div>
  );
}
