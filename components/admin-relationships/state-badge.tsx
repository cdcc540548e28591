import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { AdminRelationshipState } from "@/db/values/admin-relationships";

const TONES: Record<AdminRelationshipState, BadgeTone> = {
  created: "gray",
  approvalPending: "blue",
  active: "green",
  expiring: "amber",
  expired: "gray",
  terminationRequested: "amber",
  terminated: "gray",
  rejected: "red",
  lapsed: "gray",
};

export async function AdminRelationshipStateBadge({ state }: { state: AdminRelationshipState }) {
  const t = await getTranslations("adminRelationshipStates");
  return <Badge tone={TONES[state]}>{t(state)}</Badge>;
}
