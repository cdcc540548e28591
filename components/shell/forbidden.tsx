import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";

/** Shown to a member whose roles lack the permission a page needs, in place of the page (so its heading is the h1). */
export async function Forbidden({ orgName }: { orgName: string }) {
  const t = await getTranslations("common");
  return (
    <div className="space-y-2" role="alert" data-authz="refused">
      <h1 className="text-lg font-semibold">{t("forbiddenTitle")}</h1>
      <Alert tone="warning">{t("forbiddenBody", { org: orgName })}</Alert>
    </div>
  );
}
