import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { pageCount } from "@/lib/pagination";

type Props = {
  page: number;
  hasNext: boolean;
  /** Builds the href for a page number, keeping the current filters. */
  hrefFor: (page: number) => string;
  /** Rows in all pages, when the list counts them: "Page 3 of 206". */
  total?: number;
};

/** Previous / next links for server-paginated lists; nothing when everything fits on one page. */
export async function Pagination({ page, hasNext, hrefFor, total }: Props) {
  if (page === 1 && !hasNext) return null;
  const t = await getTranslations("common");
  const link = "rounded-md border border-gray-300 px-3 py-1.5 text-sm hover:bg-gray-50";
  return (
    <nav aria-label={t("pagination")} className="flex items-center gap-3 pt-4">
      {page > 1 ? (
        <Link className={link} href={hrefFor(page - 1)} rel="prev">
          {t("previous")}
        </Link>
      ) : null}
      <span className="text-sm text-gray-600" aria-current="page">
        {total === undefined ? t("pageOf", { page }) : t("pageOfTotal", { page, pages: pageCount(total) })}
      </span>
      {hasNext ? (
        <Link className={link} href={hrefFor(page + 1)} rel="next">
          {t("next")}
        </Link>
      ) : null}
    </nav>
  );
}

/**
 * A page past the end of a list (an old link, a list that shrank) goes to the last page when
 * the list counts its rows, else to page 1: its empty state would say the list is empty.
 */
export function leavePastEnd(list: { rows: unknown[]; page: number; total?: number }, hrefFor: (page: number) => string): void {
  if (list.rows.length === 0 && list.page > 1) redirect(hrefFor(list.total === undefined ? 1 : pageCount(list.total)));
}
