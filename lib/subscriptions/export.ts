import "server-only";
import { getTranslations } from "next-intl/server";
import { SUBSCRIPTION_STATES } from "@/db/values/subscriptions";
import { db } from "@/lib/db";
import { csvExport } from "@/lib/export/csv-response";
import { iteratePartnerSubscriptions } from "./queries";

/** What the Subscriptions page lists, as CSV: every row of its status filter and search, for billing's spreadsheets. */
export async function exportPartnerSubscriptions(request: Request, partnerId: string) {
  const url = new URL(request.url);
  const asked = url.searchParams.get("state");
  const state = SUBSCRIPTION_STATES.find((s) => s === asked);
  const q = (url.searchParams.get("q") ?? "").slice(0, 100);
  return csvExport(request, {
    organizationId: partnerId,
    kind: "partner",
    permission: "subscriptions.read",
    name: "subscriptions",
    table: async (member) => {
      const t = await getTranslations();
      return {
        header: [
          t("partnerSubscriptions.customer"),
          t("partnerSubscriptions.domain"),
          t("subscriptions.product"),
          t("subscriptions.seats"),
          t("subscriptions.status"),
          t("subscriptions.termEnds"),
          t("partnerSubscriptions.sold"),
        ],
        rows: (async function* () {
          for await (const s of iteratePartnerSubscriptions(db(), member, { state, q }))
            yield [
              s.customerName,
              s.customerDomain,
              s.product,
              s.seats,
              t(`subscriptionStates.${s.state}`),
              s.termEndsAt.toISOString().slice(0, 10),
              s.createdAt.toISOString().slice(0, 10),
            ];
        })(),
      };
    },
  });
}
