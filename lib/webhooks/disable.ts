import { and, eq, isNull } from "drizzle-orm";
import { changedRows } from "@/db/query";
import { webhookEndpoints } from "@/db/schema";
import type { WebhookDisabledReason } from "@/db/values/webhooks";
import { recordAudit } from "@/lib/audit/record";
import { membersWith } from "@/lib/auth/recipients";
import { enqueueNotices } from "@/lib/email/notices";
import type { ServiceContext } from "@/lib/context";
import type { Tx } from "@/db/transaction";

type Endpoint = typeof webhookEndpoints.$inferSelect;

/**
 * The product switches an endpoint off (it answered 410 Gone, or failed for five days):
 * recorded in the activity log, and the organization's webhook admins are emailed, since
 * nobody else would notice that events stopped arriving. Deliveries already waiting stay
 * until it is switched on again; events while it is off are not queued for it (the failed
 * ones can be sent again from its page, all since a moment).
 */
export async function disableEndpoint(
  ctx: ServiceContext & { tx: Tx },
  endpoint: Endpoint,
  reason: Exclude<WebhookDisabledReason, "manual">,
) {
  const { tx } = ctx;
  const now = ctx.now();
  const changed = changedRows(
    await tx
      .update(webhookEndpoints)
      .set({ disabledAt: now, disabledReason: reason, updatedAt: now })
      .where(and(eq(webhookEndpoints.id, endpoint.id), isNull(webhookEndpoints.disabledAt))),
  );
  if (changed !== 1) return;
  await recordAudit(tx, {
    organizationId: endpoint.organizationId,
    actor: null,
    action: "webhook_endpoint.disabled",
    targetType: "webhook_endpoint",
    targetId: endpoint.id,
    details: { url: endpoint.url, reason },
    at: now,
  });
  await enqueueNotices(tx, await membersWith(tx, [endpoint.organizationId], "webhooks.manage"), {
    kind: reason === "gone" ? "webhookGone" : "webhookFailing",
    outboxKind: "webhook_disabled",
    key: `webhook-disabled.${endpoint.id}.${now.getTime()}`,
    vars: { url: endpoint.url },
    url: `${ctx.config.publicBaseUrl}/partner/${endpoint.organizationId}/api/webhooks/${endpoint.id}`,
    relatedId: endpoint.id,
    now,
  });
}
