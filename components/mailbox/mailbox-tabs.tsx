import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";

/** The demo mailbox's two views: the emails the app sent, and the webhooks it delivered. */
export async function MailboxTabs({ current }: { current: "emails" | "webhooks" }) {
  const t = await getTranslations("mailbox");
  const tab = (key: "emails" | "webhooks", href: string) => (
    <Link
      href={href}
      aria-current={current === key ? "page" : undefined}
      className={`border-b-2 px-3 py-2 text-sm no-underline ${current === key ? "border-blue-700 font-medium text-blue-800" : "border-transparent text-gray-700 hover:text-gray-900"}`}
    >
      {t(key === "emails" ? "emailsTab" : "webhooksTab")}
    </Link>
  );
  return (
    <nav aria-label={t("tabs")} className="flex gap-2 border-b border-gray-200">
      {tab("emails", "/mailbox")}
      {tab("webhooks", "/mailbox/webhooks")}
    </nav>
  );
}
