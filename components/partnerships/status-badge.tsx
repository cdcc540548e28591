import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { PartnershipStatus } from "@/lib/partnerships/states";

const TONES: Record<PartnershipStatus, BadgeTone> = {
  invited: "blue",
  active: "green",
  declined: "amber",
  revoked: "red",
  ended: "gray",
  expired: "gray",
};

export async function PartnershipStatusBadge({ status }: { status: PartnershipStatus }) {
  const t = await getTranslations("partnershipStatus");
  return <Badge tone={TONES[status]}>{t(status)}</Badge>;
}
