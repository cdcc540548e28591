"use client";

import { useTranslations } from "next-intl";

/** Unexpected errors show a plain message; details stay in the server log, never on the page. */
export default function ErrorPage({ reset }: { reset: () => void }) {
  const t = useTranslations("common");
  return (
    <div className="space-y-3" role="alert">
      <p>{t("unexpected")}</p>
      <button type="button" onClick={reset} className="rounded-md border border-gray-300 px-3 py-1.5 text-sm">
        {t("back")}
      </button>
    </div>
  );
}
