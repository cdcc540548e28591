import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/format";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td } from "@/components/ui/table";
import { partnershipStatus } from "@/lib/partnerships/states";
import type { listPartnerships } from "@/lib/partnerships/queries";
import { PartnershipActions } from "./partnership-actions";
import { PartnershipStatusBadge } from "./status-badge";

type Props = {
  rows: Awaited<ReturnType<typeof listPartnerships>>;
  organizationId: string;
  side: "provider" | "reseller";
  canWrite: boolean;
  now: Date;
};

/** One side's partnerships: the other side, the state, and what this side may do with each. */
export async function PartnershipsTable({ rows, organizationId, side, canWrite, now }: Props) {
  const [t, format] = await Promise.all([getTranslations("partnerships"), getFormatter()]);
  if (rows.length === 0) return <EmptyState>{side === "provider" ? t("noResellers") : t("noProviders")}</EmptyState>;
  return (
    <Table
      caption={side === "provider" ? t("resellersTitle") : t("providersTitle")}
      head={[
        side === "provider" ? t("reseller") : t("provider"),
        t("partnerId"),
        t("status"),
        t("invitedAddress"),
        t("since"),
        t("actions"),
      ]}
    >
      {rows.map((r) => {
        const status = partnershipStatus(r, now);
        // The provider withdraws an unanswered invitation; either side ends a live partnership.
        const action = status === "active" ? "active" : status === "invited" && side === "provider" ? "invited" : null;
        return (
          <tr key={r.id} data-testid={`partnership-${r.otherName}`}>
            <Td className="font-medium">{r.otherName}</Td>
            <Td>{r.otherPublicId ?? "—"}</Td>
            <Td>
              <PartnershipStatusBadge status={status} />
            </Td>
            <Td>{r.email}</Td>
            <Td>{format.dateTime(r.respondedAt ?? r.createdAt, { dateStyle: "medium" })}</Td>
            <Td>
              {canWrite && action ? (
                <PartnershipActions organizationId={organizationId} partnershipId={r.id} otherName={r.otherName} state={action} />
              ) : null}
              {status === "invited" && side === "reseller" ? (
                <span className="text-xs text-gray-600">{t("authorizeFromEmail", { email: r.email })}</span>
              ) : null}
            </Td>
          </tr>
        );
      })}
    </Table>
  );
}
