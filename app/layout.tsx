import type { Metadata } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { pickMessages } from "@/lib/i18n/client-messages";
import type { Messages } from "@/lib/i18n/messages";
import { AppHeader } from "@/components/shell/app-header";
import { FlashRegion } from "@/components/ui/flash";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: t("appName") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t, messages] = await Promise.all([getLocale(), getTranslations("common"), getMessages()]);
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
          {t("skipToContent")}
        </a>
        {/* Only `common` for every page; pages add what their client components translate (ClientMessages). */}
        <NextIntlClientProvider messages={pickMessages(messages as Messages, ["common"])}>
          <AppHeader />
          <main id="main" className="mx-auto max-w-6xl px-4 py-8">
            <FlashRegion dismissLabel={t("dismiss")} />
            {children}
          </main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
