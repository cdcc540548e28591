import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { OrgBar, type NavLink } from "@/components/shell/org-bar";
import { operatorForPage } from "@/lib/auth/page-guards";
import { operatorAbilities } from "@/lib/auth/abilities";

/** The operator console: the program's own operation, across every cloud. */
export default async function OperatorLayout({ children }: { children: ReactNode }) {
  const [t, member] = await Promise.all([getTranslations(), operatorForPage("/operator")]);
  const reads = operatorAbilities(member).readConsole;
  const links = [
    reads && { href: "/operator/applications", label: t("operator.nav.applications") },
    reads && { href: "/operator/partners", label: t("operator.nav.partners") },
    reads && { href: "/operator/customers", label: t("operator.nav.customers") },
    reads && { href: "/operator/catalog", label: t("operator.nav.catalog") },
    { href: "/operator/team", label: t("operator.nav.team") },
    reads && { href: "/operator/activity", label: t("activity.nav") },
  ].filter((l): l is NavLink => Boolean(l));
  return (
    <div className="space-y-6">
      <OrgBar
        name={member.organization.name}
        subtitle={[t("operator.console"), member.roles.map((r) => t(`roles.${r}`)).join(", ")].join(" · ")}
        links={links}
        navLabel={t("nav.main")}
      />
      {children}
    </div>
  );
}
