import { createHash, randomBytes } from "node:crypto";
import { crc32 } from "node:zlib";

/*
 * An API key's secret: `prc_`, 32 random bytes in base62, and a 6-character checksum (CRC32
 * of the random part, base62), as GitHub's tokens do. The prefix lets secret scanners find a
 * leaked key, and the checksum lets them (and us, before any lookup) tell a real key from a
 * random string. Only the SHA-256 of the whole secret is stored.
 */

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const RANDOM_LENGTH = 43; // 62^43 > 2^256
const CHECKSUM_LENGTH = 6; // 62^6 > 2^32
export const KEY_PREFIX = "prc_";
const SHAPE = new RegExp(`^${KEY_PREFIX}[0-9A-Za-z]{${RANDOM_LENGTH + CHECKSUM_LENGTH}}$`);

function base62(value: bigint, length: number): string {
  let out = "";
  for (let v = value; out.length < length; v /= 62n) out = ALPHABET[Number(v % 62n)] + out;
  return out;
}

const checksum = (random: string) => base62(BigInt(crc32(random)), CHECKSUM_LENGTH);

/** A new secret, and what is stored of it: its hash, and its first characters to tell keys apart. */
export function newKeySecret(): { secret: string; hash: string; prefix: string } {
  const random = base62(BigInt(`0x${randomBytes(32).toString("hex")}`), RANDOM_LENGTH);
  const secret = `${KEY_PREFIX}${random}${checksum(random)}`;
  return { secret, hash: hashKeySecret(secret), prefix: secret.slice(0, KEY_PREFIX.length + 6) };
}

/** Whether the text has a key's shape and a checksum that matches: anything else is refused before a lookup. */
export function isWellFormedKey(secret: string): boolean {
  if (!SHAPE.test(secret)) return false;
  const random = secret.slice(KEY_PREFIX.length, KEY_PREFIX.length + RANDOM_LENGTH);
  return secret.slice(KEY_PREFIX.length + RANDOM_LENGTH) === checksum(random);
}

export function hashKeySecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
