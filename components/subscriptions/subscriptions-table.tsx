import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/format";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td } from "@/components/ui/table";
import { SubscriptionStateBadge } from "./state-badge";
import type { PurchaseChannel, SubscriptionState } from "@/db/values/subscriptions";

type Row = {
  id: string;
  product: string;
  seats: number;
  state: SubscriptionState;
  purchaseChannel: PurchaseChannel;
  partnerOfRecord: string | null;
  supportPartner: string | null;
  termEndsAt: Date;
};

type Props<R extends Row> = {
  rows: R[];
  caption: string;
  emptyText: string;
  /** The customer's Global administrator manages support here; others just read who supports it. */
  supportControls?: (row: R) => ReactNode;
  /** Seats, suspend, reactivate, cancel: for the rows the viewer may change (the rest get nothing). */
  actions?: (row: R) => ReactNode;
};

/** Subscriptions with their partner of record and support partner, as both dashboards show them. */
export async function SubscriptionsTable<R extends Row>({ rows, caption, emptyText, supportControls, actions }: Props<R>) {
  const [t, format] = await Promise.all([getTranslations("subscriptions"), getFormatter()]);
  const tAll = await getTranslations();
  if (rows.length === 0) return <EmptyState>{emptyText}</EmptyState>;
  return (
    <Table
      caption={caption}
      head={[
        t("product"),
        t("seats"),
        t("status"),
        t("channel"),
        t("partnerOfRecord"),
        t("support"),
        t("termEnds"),
        ...(actions ? [t("actions")] : []),
      ]}
    >
      {rows.map((s) => (
        // The removal page's blockers link here, to the row's own controls.
        <tr key={s.id} id={`subscription-${s.id}`} data-testid={`subscription-${s.product}`}>
          <Td>{s.product}</Td>
          <Td>{format.number(s.seats)}</Td>
          <Td>
            <SubscriptionStateBadge state={s.state} label={tAll(`subscriptionStates.${s.state}`)} />
          </Td>
          <Td>{tAll(`channels.${s.purchaseChannel}`)}</Td>
          <Td>{s.partnerOfRecord ?? t("none")}</Td>
          <Td>
            <div className="space-y-2">
              <p>{s.supportPartner ? t("supportedBy", { partner: s.supportPartner }) : "—"}</p>
              {supportControls?.(s)}
            </div>
          </Td>
          <Td>{format.dateTime(s.termEndsAt, { dateStyle: "medium" })}</Td>
          {actions && <Td>{actions(s)}</Td>}
        </tr>
      ))}
    </Table>
  );
}
