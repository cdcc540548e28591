import { getTranslations } from "next-intl/server";
import { Section } from "@/components/ui/section";

type Props = { partnerName: string; customerName: string; endingAdminRelationships: { id: string; name: string }[] };

/** What removing a partner does, shown before anyone confirms. */
export async function RemovalEffects({ partnerName, customerName, endingAdminRelationships }: Props) {
  const t = await getTranslations("removal");
  return (
    <Section id="removal-effects" title={t("effectsTitle")}>
      <ul className="list-disc space-y-1 pl-6 text-sm">
        <li>{t("effectPartner", { partner: partnerName, customer: customerName })}</li>
        <li>
          {endingAdminRelationships.length === 0 ? (
            t("effectNoAdmin")
          ) : (
            <>
              {t("effectAdmin")} {endingAdminRelationships.map((r) => r.name).join(", ")}
            </>
          )}
        </li>
        <li>{t("effectNothingElse")}</li>
      </ul>
    </Section>
  );
}
