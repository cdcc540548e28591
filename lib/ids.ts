import { randomBytes } from "node:crypto";

/** Opaque, unguessable ids with a readable prefix ("org_…", "inv_…"). Never sequential. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString("base64url")}`;
}
