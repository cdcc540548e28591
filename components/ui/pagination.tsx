import Link from "next/link";

type Props = {
  page: number;
  hasNext: boolean;
  /** Builds the href for a page number, keeping the current filters. */
  hrefFor: (page: number) => string;
  labels: { previous: string; next: string; page: string; nav: string };
};

export function Pagination({ page, hasNext, hrefFor, labels }: Props) {
  if (page === 1 && !hasNext) return null;
  const link = "rounded-md border border-gray-300 px-3 py-1.5 text-sm hover:bg-gray-50";
  return (
    <nav aria-label={labels.nav} className="flex items-center gap-3 pt-4">
      {page > 1 ? (
        <Link className={link} href={hrefFor(page - 1)} rel="prev">
          {labels.previous}
        </Link>
      ) : null}
      <span className="text-sm text-gray-600" aria-current="page">
        {labels.page}
      </span>
      {hasNext ? (
        <Link className={link} href={hrefFor(page + 1)} rel="next">
          {labels.next}
        </Link>
      ) : null}
    </nav>
  );
}
