import { Link } from "@/components/ui/link";

export type NavLink = { href: string; label: string };

/** The bar under the header of an organization's pages: its name, a line about it, and its main navigation. */
export function OrgBar({ name, subtitle, links, navLabel }: { name: string; subtitle: string; links: NavLink[]; navLabel: string }) {
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-gray-200 pb-3">
      <div>
        <p className="text-lg font-semibold">{name}</p>
        <p className="text-xs text-gray-600">{subtitle}</p>
      </div>
      <nav aria-label={navLabel} className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {links.map((l) => (
          <Link key={l.href} href={l.href}>
            {l.label}
          </Link>
        ))}
      </nav>
    </div>
  );
}
