import { env } from "@/lib/env";

/**
 * Whether session cookies are Secure (and `__Secure-` prefixed): when the public URL is https.
 * Given to Auth.js explicitly (it would otherwise guess per request from X-Forwarded-Proto), so
 * the cookie it sets and the name getActor reads are always the same.
 */
export function usesSecureCookies(): boolean {
  return env().PUBLIC_BASE_URL.startsWith("https:");
}

/** Auth.js's own name for the database session's cookie (`defaultCookies` in @auth/core). */
export function sessionCookieName(): string {
  return `${usesSecureCookies() ? "__Secure-" : ""}authjs.session-token`;
}
