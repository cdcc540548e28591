import { randomBytes } from "node:crypto";

const ID_BYTES = 12;
const POOL_IDS = 256;

// Each randomBytes() call goes into OpenSSL, and an invitation's create and accept need
// about ten ids: draw the bytes for 256 at a time, as Node's own randomUUID() does. Every
// byte is used once.
let pool = Buffer.alloc(0);
let offset = 0;

/** Opaque, unguessable ids with a readable prefix ("org_…", "inv_…"). Never sequential. */
export function newId(prefix: string): string {
  if (offset + ID_BYTES > pool.length) {
    pool = randomBytes(ID_BYTES * POOL_IDS);
    offset = 0;
  }
  const id = pool.toString("base64url", offset, offset + ID_BYTES);
  offset += ID_BYTES;
  return `${prefix}_${id}`;
}
