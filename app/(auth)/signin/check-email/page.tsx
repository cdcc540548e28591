import { getTranslations } from "next-intl/server";
import { env, isBuildPhase } from "@/lib/env";

export default async function CheckEmailPage() {
  const t = await getTranslations("signIn");
  // A page rendered at build time knows nothing of the running server's settings.
  const minutes = isBuildPhase() ? 15 : env().SIGNIN_LINK_TTL_MINUTES;
  return (
    <div className="mx-auto max-w-md space-y-3 rounded-lg border border-gray-200 bg-white p-6" role="status">
      <h1 className="text-2xl font-semibold">{t("checkTitle")}</h1>
      <p className="text-sm text-gray-700">{t("checkBody", { minutes })}</p>
    </div>
  );
}
