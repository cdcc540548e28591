import { getTranslations } from "next-intl/server";

/** The page of an emailed link (team invitation, partnership) that can no longer be answered. */
export async function LinkClosed({ status }: { status: "invalid" | "expired" | "revoked" | "used" }) {
  const t = await getTranslations("invite");
  const title = { invalid: t("invalidTitle"), expired: t("expiredTitle"), revoked: t("revokedTitle"), used: t("usedTitle") }[status];
  return (
    <div className="mx-auto max-w-xl space-y-4 rounded-lg border border-gray-200 bg-white p-6" role="alert">
      <h1 className="text-2xl font-semibold">{title}</h1>
    </div>
  );
}
