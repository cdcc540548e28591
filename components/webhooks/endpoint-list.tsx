import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { Section } from "@/components/ui/section";
import { Table, Td } from "@/components/ui/table";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/events";
import type { listWebhookEndpoints } from "@/lib/webhooks/queries";
import { EndpointForm } from "./endpoint-form";
import { EndpointStatus } from "./endpoint-status";

/** The API page's webhook section: the organization's endpoints and the form that adds one. */
export async function WebhookEndpoints({
  organizationId,
  endpoints,
  when,
}: {
  organizationId: string;
  endpoints: Awaited<ReturnType<typeof listWebhookEndpoints>>;
  when: (d: Date) => string;
}) {
  const t = await getTranslations("webhooks");
  return (
    <>
      <Section id="webhooks" title={t("endpointsTitle")}>
        <p className="mb-3 max-w-3xl text-sm text-gray-700">{t("intro")}</p>
        {endpoints.length === 0 ? (
          <EmptyState>{t("none")}</EmptyState>
        ) : (
          <Table caption={t("endpointsTitle")} head={[t("endpoint"), t("events"), t("status")]}>
            {endpoints.map((e) => (
              <tr key={e.id}>
                <Td>
                  <Link href={`/partner/${organizationId}/api/webhooks/${e.id}`} className="font-medium text-blue-700 underline">
                    {e.url}
                  </Link>
                  {e.description && <div className="text-xs text-gray-600">{e.description}</div>}
                </Td>
                <Td>{t("eventsCount", { count: e.eventTypes.length })}</Td>
                <Td>
                  <EndpointStatus endpoint={e} when={when} />
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </Section>
      <Section id="new-endpoint" title={t("addTitle")}>
        <EndpointForm organizationId={organizationId} eventTypes={WEBHOOK_EVENT_TYPES} />
      </Section>
    </>
  );
}
