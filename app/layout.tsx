import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/shell/client-messages";
import { AppHeader } from "@/components/shell/app-header";
import { listMemberships } from "@/lib/auth/membership";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { FlashRegion } from "@/components/ui/flash";
import { SoftLinks } from "@/components/ui/soft-links";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  // One description for every page (pages with tokens in their URL also say noindex); the icon is public/icon.svg.
  return { title: t("appName"), description: t("metaDescription"), icons: { icon: { url: "/icon.svg", type: "image/svg+xml" } } };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t, actor] = await Promise.all([getLocale(), getTranslations("common"), getActor()]);
  const orgs = actor ? await listMemberships(db(), actor.userId) : [];
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
          {t("skipToContent")}
        </a>
        {/* Only `common` for every page; pages add what their client components translate (ClientMessages). */}
        <ClientMessages namespaces={[]}>
          <AppHeader actor={actor} orgs={orgs} />
          <main id="main" className="mx-auto max-w-6xl px-4 py-8">
            <FlashRegion dismissLabel={t("dismiss")} />
            {children}
          </main>
        </ClientMessages>
        <SoftLinks />
      </body>
    </html>
  );
}
