import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { WebhookDisabledReason } from "@/db/values/webhooks";
import type { WebhookEndpointStatus } from "@/lib/webhooks/queries";

const TONE: Record<WebhookEndpointStatus, BadgeTone> = { active: "green", failing: "amber", disabled: "gray" };
const DISABLED: Record<WebhookDisabledReason, "disabledManual" | "disabledGone" | "disabledFailing"> = {
  manual: "disabledManual",
  gone: "disabledGone",
  failing: "disabledFailing",
};

/** Active, failing since when, or switched off and why. */
export async function EndpointStatus({
  endpoint,
  when,
}: {
  endpoint: { status: WebhookEndpointStatus; disabledReason: WebhookDisabledReason | null; failingSince: Date | null };
  when: (d: Date) => string;
}) {
  const t = await getTranslations("webhooks");
  const label =
    endpoint.status === "disabled"
      ? t(DISABLED[endpoint.disabledReason ?? "manual"])
      : endpoint.status === "failing" && endpoint.failingSince
        ? t("failing", { when: when(endpoint.failingSince) })
        : t("active");
  return <Badge tone={TONE[endpoint.status]}>{label}</Badge>;
}
