import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/shell/client-messages";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: t("appName") };
}

/**
 * The document, its language and the messages every page gets; nothing here reads the
 * database, so `app/error.tsx` can show any failure below it in the user's language
 * (the header and the pages are in `app/(site)/layout.tsx`).
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("common")]);
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
          {t("skipToContent")}
        </a>
        {/* Only `common` for every page; pages add what their client components translate (ClientMessages). */}
        <ClientMessages namespaces={[]}>{children}</ClientMessages>
      </body>
    </html>
  );
}
