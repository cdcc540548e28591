import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { pickMessages } from "@/lib/i18n/client-messages";
import type { Messages } from "@/lib/i18n/messages";

/**
 * The messages the client components below translate, and only those (plus `common`, which
 * the root layout gives every page). A server file that renders a translating client component
 * wraps it in this, naming the component's namespaces; lib/i18n/client-messages.test.ts
 * checks every such file.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[]; children: ReactNode }) {
  const messages = (await getMessages()) as Messages;
  return <NextIntlClientProvider messages={pickMessages(messages, ["common", ...namespaces])}>{children}</NextIntlClientProvider>;
}
