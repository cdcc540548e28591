import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/shell/client-messages";
import { Forbidden } from "@/components/shell/forbidden";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Section } from "@/components/ui/section";
import { Table, Td } from "@/components/ui/table";
import { DeleteEndpoint, Redeliver, ReplaySince, RotateSecret, SendTestEvent } from "@/components/webhooks/endpoint-controls";
import { EndpointForm } from "@/components/webhooks/endpoint-form";
import { EndpointStatus } from "@/components/webhooks/endpoint-status";
import type { WebhookDeliveryState } from "@/db/values/webhooks";
import { partnerAbilities } from "@/lib/auth/abilities";
import { memberForPage, orNotFound } from "@/lib/auth/page-guards";
import { db } from "@/lib/db";
import { getFormatter } from "@/lib/i18n/format";
import { parsePage } from "@/lib/pagination";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/events";
import { webhookEndpointWithDeliveries } from "@/lib/webhooks/queries";

const STATE_TONE: Record<WebhookDeliveryState, BadgeTone> = { pending: "blue", sending: "blue", delivered: "green", failed: "red" };

type Props = { params: Promise<{ partnerId: string; endpointId: string }>; searchParams: Promise<{ page?: string }> };

export default async function WebhookEndpointPage({ params, searchParams }: Props) {
  const { partnerId, endpointId } = await params;
  const base = `/partner/${partnerId}/api/webhooks/${endpointId}`;
  const member = await memberForPage(partnerId, "partner", base);
  if (!partnerAbilities(member).manageWebhooks) return <Forbidden orgName={member.organization.name} />;
  const page = parsePage((await searchParams).page);
  const [t, format, { endpoint, waiting, deliveries }] = await Promise.all([
    getTranslations(),
    getFormatter(),
    orNotFound(() => webhookEndpointWithDeliveries(db(), member, endpointId, page)),
  ]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "medium" });
  const ref = { organizationId: partnerId, endpointId };
  return (
    <ClientMessages namespaces={["webhooks", "common"]}>
      <div className="space-y-6">
        <Link href={`/partner/${partnerId}/api#webhooks`} className="text-sm text-blue-700 underline">
          {t("webhooks.back")}
        </Link>
        <PageHeader title={endpoint.url} />
        <div className="flex flex-wrap items-center gap-3">
          <EndpointStatus endpoint={endpoint} when={when} />
          {endpoint.status !== "disabled" && <SendTestEvent {...ref} />}
        </div>
        <Section id="deliveries" title={t("webhooks.deliveriesTitle")}>
          {waiting > 0 && <p className="mb-2 text-sm text-gray-700">{t("webhooks.waiting", { count: waiting })}</p>}
          {deliveries.rows.length === 0 ? (
            <EmptyState>{t("webhooks.noDeliveries")}</EmptyState>
          ) : (
            <Table
              caption={t("webhooks.deliveriesTitle")}
              head={[
                t("webhooks.event"),
                t("webhooks.at"),
                t("webhooks.status"),
                t("webhooks.attempts"),
                t("webhooks.answer"),
                t("partner.invitations.actions"),
              ]}
            >
              {deliveries.rows.map((d) => (
                <tr key={d.id}>
                  <Td>
                    <code className="text-xs">{d.eventType}</code>
                    <div className="text-xs text-gray-600">{d.id}</div>
                  </Td>
                  <Td className="whitespace-nowrap">
                    <time dateTime={d.createdAt.toISOString()}>{when(d.createdAt)}</time>
                  </Td>
                  <Td>
                    <Badge tone={STATE_TONE[d.state]}>{t(`webhooks.states.${d.state}`)}</Badge>
                    {d.state === "pending" && d.attempts > 0 && (
                      <div className="text-xs text-gray-600">{t("webhooks.nextAttempt", { when: when(d.nextAttemptAt) })}</div>
                    )}
                  </Td>
                  <Td>{d.attempts}</Td>
                  <Td className="max-w-xs">
                    {d.lastStatus !== null ? (
                      <>
                        <span className="font-mono">{d.lastStatus}</span>{" "}
                        {d.lastDurationMs !== null && (
                          <span className="text-xs text-gray-600">{t("webhooks.durationMs", { ms: d.lastDurationMs })}</span>
                        )}
                        {d.lastResponse && (
                          <pre className="mt-1 max-h-20 overflow-auto whitespace-pre-wrap break-all text-xs text-gray-700">
                            {d.lastResponse.slice(0, 300)}
                          </pre>
                        )}
                      </>
                    ) : (
                      d.lastError && <span className="text-xs text-red-800">{t("webhooks.noAnswer", { error: d.lastError })}</span>
                    )}
                  </Td>
                  <Td>{(d.state === "delivered" || d.state === "failed") && <Redeliver organizationId={partnerId} deliveryId={d.id} />}</Td>
                </tr>
              ))}
            </Table>
          )}
          <Pagination page={deliveries.page} hasNext={deliveries.hasNext} hrefFor={(p) => `${base}?page=${p}#deliveries`} />
        </Section>
        <Section id="replay" title={t("webhooks.replayTitle")}>
          <ReplaySince {...ref} />
        </Section>
        <Section id="settings" title={t("webhooks.settingsTitle")}>
          <EndpointForm
            organizationId={partnerId}
            eventTypes={WEBHOOK_EVENT_TYPES}
            endpoint={{
              id: endpoint.id,
              url: endpoint.url,
              description: endpoint.description,
              eventTypes: endpoint.eventTypes,
              enabled: endpoint.status !== "disabled",
            }}
          />
        </Section>
        <Section id="secret" title={t("webhooks.secretTitle")}>
          <p className="mb-2 max-w-3xl text-sm text-gray-700">{t("webhooks.rotateIntro")}</p>
          {endpoint.rotatingUntil && (
            <p className="mb-2 text-sm text-gray-700">{t("webhooks.rotatingUntil", { when: when(endpoint.rotatingUntil) })}</p>
          )}
          <RotateSecret {...ref} url={endpoint.url} />
        </Section>
        <Section id="delete" title={t("webhooks.dangerTitle")}>
          <DeleteEndpoint {...ref} url={endpoint.url} />
        </Section>
      </div>
    </ClientMessages>
  );
}
