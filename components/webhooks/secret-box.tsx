"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { inputClass } from "@/components/ui/field";

/** A signing secret shown once, after it was made; the success itself is announced at page level. */
export function SecretBox({ id, secret }: { id: string; secret: string }) {
  const t = useTranslations("webhooks");
  return (
    <Alert tone="success">
      <label htmlFor={id} className="block text-sm font-medium">
        {t("secret")}
      </label>
      <input
        id={id}
        readOnly
        value={secret}
        onFocus={(e) => e.currentTarget.select()}
        aria-describedby={`${id}-hint`}
        className={`${inputClass} font-mono`}
      />
      <p id={`${id}-hint`} className="mt-1 text-xs">
        {t("secretHint")}
      </p>
    </Alert>
  );
}
