import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { InvitationStatus } from "@/lib/invitations/status";

const TONES: Record<InvitationStatus, BadgeTone> = {
  sent: "blue",
  opened: "blue",
  accepted: "green",
  declined: "amber",
  expired: "gray",
  revoked: "red",
};

export async function InvitationStatusBadge({ status }: { status: InvitationStatus }) {
  const t = await getTranslations("invitationStatus");
  return <Badge tone={TONES[status]}>{t(status)}</Badge>;
}
