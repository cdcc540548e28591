/** Cursor paging (`?cursor=…&limit=…`, a `next` cursor in the answer), never page numbers: a cursor is the last row's sort key. */
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export function pageLimit(raw: string | null): number {
  const n = Number(raw ?? DEFAULT_LIMIT);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, MAX_LIMIT) : DEFAULT_LIMIT;
}

export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.getTime()}.${id}`).toString("base64url");
}

/** A cursor this API made, or null for anything else (a forged one pages from the start). */
export function decodeCursor(raw: string | null): { at: Date; id: string } | null {
  if (!raw || raw.length > 200) return null;
  const m = /^(\d{1,15})\.([\w-]{1,64})$/.exec(Buffer.from(raw, "base64url").toString());
  return m ? { at: new Date(Number(m[1])), id: m[2] } : null;
}

/** A cursor over any keyset: the last row's sort key (a number or a string) and its id. */
export function encodeKey(key: [number | string, string]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** A keyset cursor this API made, or null for anything else (a forged one pages from the start). */
export function decodeKey(raw: string | null): [number | string, string] | null {
  if (!raw || raw.length > 700) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(raw, "base64url").toString());
    if (!Array.isArray(v) || v.length !== 2) return null;
    const [key, id] = v as unknown[];
    const keyOk = (typeof key === "number" && Number.isSafeInteger(key)) || (typeof key === "string" && key.length <= 300);
    return keyOk && typeof id === "string" && id.length <= 64 ? [key as number | string, id] : null;
  } catch {
    return null;
  }
}
