import { Link } from "@/components/ui/link";

type Filter = { href: string; label: string; current: boolean };

/** A list's filters as a row of links (works without JavaScript; the URL can be shared), the chosen one marked. */
export function FilterLinks({ label, filters }: { label: string; filters: Filter[] }) {
  return (
    <nav aria-label={label} className="flex flex-wrap gap-2">
      {filters.map((f) => (
        <Link
          key={f.href}
          href={f.href}
          aria-current={f.current ? "page" : undefined}
          className={`rounded-full px-3 py-1 text-sm no-underline ${f.current ? "bg-blue-700 text-white" : "bg-white text-gray-800 border border-gray-300"}`}
        >
          {f.label}
        </Link>
      ))}
    </nav>
  );
}
