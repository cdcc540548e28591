import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { PartnerState } from "@/db/values/organizations";

const TONES: Record<PartnerState, BadgeTone> = { active: "green", suspended: "amber", offboarded: "gray" };

/** How a partner stands with the program, as the operator, its own people and its customers see it. */
export async function PartnerStateBadge({ state }: { state: PartnerState }) {
  const t = await getTranslations("partnerStates");
  return <Badge tone={TONES[state]}>{t(state)}</Badge>;
}
