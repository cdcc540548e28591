import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/format";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { fetchMailbox } from "@/lib/email/mailbox";
import { MailboxTabs } from "@/components/mailbox/mailbox-tabs";

export const dynamic = "force-dynamic";

/** The demo's inbox: exists only while the built-in SMTP capture runs (never in production). */
export default async function MailboxPage() {
  const messages = await fetchMailbox();
  if (!messages) notFound();
  const [t, format] = await Promise.all([getTranslations("mailbox"), getFormatter()]);
  return (
    <section className="space-y-4">
      <PageHeader title={t("title")}>
        <Link href="/mailbox" className="rounded-md border border-gray-300 bg-white px-3 py-1.5 text-sm no-underline">
          {t("refresh")}
        </Link>
      </PageHeader>
      <MailboxTabs current="emails" />
      <p className="text-sm text-gray-700">{t("intro")}</p>
      {messages.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <Table caption={t("title")} head={[t("received"), t("to"), t("subject")]}>
          {messages.map((m) => (
            <tr key={m.id}>
              <Td className="whitespace-nowrap">{format.dateTime(new Date(m.receivedAt), { dateStyle: "short", timeStyle: "medium" })}</Td>
              <Td>{m.to.join(", ")}</Td>
              <Td>
                <Link href={`/mailbox/${m.id}`}>{m.subject}</Link>
              </Td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
