export const PAGE_SIZE = 25;

export type Page<T> = { rows: T[]; page: number; hasNext: boolean };

/** Page numbers come from the URL: anything odd becomes page 1. */
export function parsePage(raw: string | string[] | undefined): number {
  const n = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

/** Fetch one row more than a page to know whether there is a next page, without counting. */
export function toPage<T>(rows: T[], page: number, size = PAGE_SIZE): Page<T> {
  return { rows: rows.slice(0, size), page, hasNext: rows.length > size };
}

/** How many pages `total` rows fill (at least one, so an empty list is "page 1 of 1"). */
export function pageCount(total: number, size = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}
