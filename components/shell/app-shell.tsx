import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { AppHeader } from "@/components/shell/app-header";
import { MAIN_CLASS } from "@/components/shell/main-class";
import { FlashRegion } from "@/components/ui/flash";

/**
 * The header and the page's main area. It reads the session and the memberships, so it lives
 * below the root layout (in `app/(site)/layout.tsx`): when the database fails there,
 * `app/error.tsx` shows the translated message. In the root layout, the same failure would
 * reach Next's built-in global error page, which is English only.
 */
export async function AppShell({ children }: { children: ReactNode }) {
  const t = await getTranslations("common");
  return (
    <>
      <AppHeader />
      <main id="main" className={MAIN_CLASS}>
        <FlashRegion dismissLabel={t("dismiss")} />
        {children}
      </main>
    </>
  );
}
