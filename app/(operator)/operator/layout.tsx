import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { operatorForPage } from "@/lib/auth/page-guards";
import { hasPermission } from "@/lib/auth/permissions";

/** The operator console: the program's own operation, across every cloud. */
export default async function OperatorLayout({ children }: { children: ReactNode }) {
  const [t, member] = await Promise.all([getTranslations(), operatorForPage("/operator")]);
  const reads = hasPermission(member.roles, "operator.console.read");
  const links = [
    reads && { href: "/operator/applications", label: t("operator.nav.applications") },
    reads && { href: "/operator/partners", label: t("operator.nav.partners") },
    reads && { href: "/operator/customers", label: t("operator.nav.customers") },
    reads && { href: "/operator/catalog", label: t("operator.nav.catalog") },
    { href: "/operator/team", label: t("operator.nav.team") },
    reads && { href: "/operator/activity", label: t("activity.nav") },
  ].filter((l): l is { href: string; label: string } => Boolean(l));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-gray-200 pb-3">
        <div>
          <p className="text-lg font-semibold">{member.organization.name}</p>
          <p className="text-xs text-gray-600">
            {t("operator.console")} · {member.roles.map((r) => t(`roles.${r}`)).join(", ")}
          </p>
        </div>
        <nav aria-label={t("nav.main")} className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {links.map((l) => (
            <Link key={l.href} href={l.href}>
              {l.label}
            </Link>
          ))}
        </nav>
      </div>
      {children}
    </div>
  );
}
