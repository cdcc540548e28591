import Link from "next/link";
import { getTranslations } from "next-intl/server";

type Props = {
  page: number;
  hasNext: boolean;
  /** Builds the href for a page number, keeping the current filters. */
  hrefFor: (page: number) => string;
};

/** Previous / next links for server-paginated lists; nothing when everything fits on one page. */
export async function Pagination({ page, hasNext, hrefFor }: Props) {
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
        {t("pageOf", { page })}
      </span>
      {hasNext ? (
        <Link className={link} href={hrefFor(page + 1)} rel="next">
          {t("next")}
        </Link>
      ) : null}
    </nav>
  );
}
