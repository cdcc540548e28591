import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/shell/client-messages";
import { Forbidden } from "@/components/shell/forbidden";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { operatorForPage } from "@/lib/auth/page-guards";
import { operatorAbilities } from "@/lib/auth/abilities";
import { listCatalog } from "@/lib/catalog/queries";
import { db } from "@/lib/db";
import { CLOUDS } from "@/db/values/organizations";
import { AddProductForm, ProductRow } from "./catalog-forms";

/** Each cloud's product catalog, in one table the operator edits. */
export default async function CatalogPage() {
  const member = await operatorForPage("/operator/catalog");
  const may = operatorAbilities(member);
  if (!may.readConsole) return <Forbidden orgName={member.organization.name} />;
  const t = await getTranslations();
  const canWrite = may.manageCatalog;
  const catalog = await listCatalog(db(), member);
  return (
    <ClientMessages namespaces={["catalog"]}>
      <div className="space-y-8">
        <div>
          <PageHeader title={t("catalog.title")} />
          <p className="text-sm text-gray-700">{t("catalog.intro")}</p>
        </div>
        {CLOUDS.map((cloud) => {
          const rows = catalog.filter((p) => p.cloud === cloud);
          return (
            <Section key={cloud} id={`catalog-${cloud}`} title={t(`clouds.${cloud}`)}>
              {rows.length === 0 ? (
                <EmptyState>{t("catalog.empty")}</EmptyState>
              ) : (
                <ul className="divide-y divide-gray-100 rounded-md border border-gray-200 bg-white">
                  {rows.map((p) => (
                    <li key={p.id} className="px-4 py-3" data-testid={`product-${p.name}`}>
                      {canWrite ? (
                        <ProductRow product={p} cloudName={t(`clouds.${cloud}`)} />
                      ) : (
                        <p className="flex flex-wrap items-center gap-2 text-sm">
                          <span className="font-medium">{p.name}</span>
                          {p.supportable && <Badge tone="blue">{t("catalog.supportable")}</Badge>}
                          {!p.available && <Badge tone="gray">{t("catalog.unavailable")}</Badge>}
                        </p>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {canWrite && <AddProductForm cloud={cloud} cloudName={t(`clouds.${cloud}`)} />}
            </Section>
          );
        })}
      </div>
    </ClientMessages>
  );
}
