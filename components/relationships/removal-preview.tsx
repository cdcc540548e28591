import { getTranslations } from "next-intl/server";
import { Section } from "@/components/ui/section";

type Props = {
  partnerName: string;
  customerName: string;
  endingAdminRelationships: { id: string; name: string }[];
  endingSupport: { id: string; product: string }[];
  endingResellers: { id: string; name: string }[];
};

/** What removing a partner does, shown before anyone confirms. */
export async function RemovalEffects({ partnerName, customerName, endingAdminRelationships, endingSupport, endingResellers }: Props) {
  const t = await getTranslations("removal");
  return (
    <Section id="removal-effects" title={t("effectsTitle")}>
      <ul className="list-disc space-y-1 pl-6 text-sm">
        <li>{t("effectPartner", { partner: partnerName, customer: customerName })}</li>
        {endingResellers.length > 0 && <li>{t("effectResellers", { names: endingResellers.map((r) => r.name).join(", ") })}</li>}
        <li>
          {endingAdminRelationships.length === 0
            ? t("effectNoAdmin")
            : `${t("effectAdmin")} ${endingAdminRelationships.map((r) => r.name).join(", ")}`}
        </li>
        {endingSupport.length > 0 && <li>{t("effectSupport", { products: endingSupport.map((s) => s.product).join(", ") })}</li>}
        <li>{t("effectNothingElse")}</li>
      </ul>
    </Section>
  );
}
