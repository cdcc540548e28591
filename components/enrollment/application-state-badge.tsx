import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ApplicationState } from "@/db/values/enrollment";

const TONES: Record<ApplicationState, BadgeTone> = { pending: "amber", approved: "green", rejected: "red", withdrawn: "gray" };

export async function ApplicationStateBadge({ state }: { state: ApplicationState }) {
  const t = await getTranslations("applicationStates");
  return <Badge tone={TONES[state]}>{t(state)}</Badge>;
}
