import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { fetchMailboxMessage, linksIn } from "@/lib/email/mailbox";

export const dynamic = "force-dynamic";

export default async function MailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const message = await fetchMailboxMessage(id);
  if (!message) notFound();
  const t = await getTranslations("mailbox");
  const links = linksIn(message.text);
  return (
    <article className="space-y-4">
      <Link href="/mailbox" className="text-sm">
        ← {t("back")}
      </Link>
      <h1 className="text-2xl font-semibold">{message.subject}</h1>
      <p className="text-sm text-gray-700">
        {t("to")}: {message.to.join(", ")}
      </p>
      {links.length > 0 && (
        <section>
          <h2 className="text-sm font-medium">{t("links")}</h2>
          <ul className="list-disc pl-6 text-sm">
            {links.map((l) => (
              <li key={l}>
                <a href={l} className="break-all">
                  {l}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <h2 className="text-sm font-medium">{t("html")}</h2>
        {/* Sandboxed: the message's HTML can neither run script nor navigate this page. */}
        <iframe
          title={t("html")}
          sandbox=""
          srcDoc={message.html ?? ""}
          className="h-[28rem] w-full rounded-md border border-gray-200 bg-white"
        />
      </section>
      <section>
        <h2 className="text-sm font-medium">{t("text")}</h2>
        <pre className="whitespace-pre-wrap wrap-anywhere rounded-md border border-gray-200 bg-white p-4 text-sm">{message.text}</pre>
      </section>
    </article>
  );
}
