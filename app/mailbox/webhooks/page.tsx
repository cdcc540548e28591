import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { MailboxTabs } from "@/components/mailbox/mailbox-tabs";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { fetchCapturedWebhooks } from "@/lib/email/mailbox";
import { getFormatter } from "@/lib/i18n/format";

export const dynamic = "force-dynamic";

/** What the demo's built-in receiver was sent: each delivery with its headers and body (never in production). */
export default async function MailboxWebhooksPage() {
  const deliveries = await fetchCapturedWebhooks();
  if (!deliveries) notFound();
  const [t, format] = await Promise.all([getTranslations("mailbox"), getFormatter()]);
  const pretty = (body: string) => {
    try {
      return JSON.stringify(JSON.parse(body), null, 2);
    } catch {
      return body;
    }
  };
  return (
    <section className="space-y-4">
      <PageHeader title={t("title")}>
        <Link href="/mailbox/webhooks" className="rounded-md border border-gray-300 bg-white px-3 py-1.5 text-sm no-underline">
          {t("refresh")}
        </Link>
      </PageHeader>
      <MailboxTabs current="webhooks" />
      <p className="text-sm text-gray-700">{t("webhooksIntro")}</p>
      {deliveries.length === 0 ? (
        <EmptyState>{t("webhooksEmpty")}</EmptyState>
      ) : (
        <ol className="space-y-3" aria-label={t("webhooksTab")}>
          {deliveries.map((d) => (
            <li key={d.id} className="rounded-md border border-gray-200 bg-white p-3">
              <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1 text-sm">
                <code className="font-medium">{d.eventType || "?"}</code>
                <time dateTime={d.receivedAt} className="text-gray-600">
                  {format.dateTime(new Date(d.receivedAt), { dateStyle: "short", timeStyle: "medium" })}
                </time>
                <span className="text-xs text-gray-600">webhook-id: {d.webhookId}</span>
              </div>
              <details className="mt-2">
                <summary className="cursor-pointer text-sm text-blue-700">{t("payload")}</summary>
                <p className="mt-1 break-all text-xs text-gray-600">webhook-signature: {d.signature}</p>
                <pre className="mt-1 max-h-80 overflow-auto rounded bg-gray-50 p-2 text-xs">{pretty(d.body)}</pre>
              </details>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
