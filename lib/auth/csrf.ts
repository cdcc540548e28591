import { env } from "@/lib/env";
import { usesSecureCookies } from "./session-cookie";

/*
 * Auth.js's double-submit CSRF token, read and issued in its own format ("token|hash", the
 * hash being SHA-256 of the token and AUTH_SECRET, in a cookie only this site can set), so a
 * token issued here is the one /api/auth/csrf gives and the other way round. Auth.js checks it
 * on sign-in and sign-out but not on the email callback: we check it there (the callback's
 * route) and issue it for the page whose button goes there (proxy.ts).
 */

/** Auth.js's own name for the CSRF cookie (`defaultCookies` in @auth/core). */
export function csrfCookieName(): string {
  return `${usesSecureCookies() ? "__Host-" : ""}authjs.csrf-token`;
}

/** How proxy.ts hands the continue page its token (removed from every incoming request). */
export const CSRF_REQUEST_HEADER = "x-csrf-token";

export const CSRF_COOKIE_OPTIONS = { httpOnly: true, sameSite: "lax", path: "/" } as const;

async function sha256Hex(message: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(message));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The token a CSRF cookie carries, if this server issued it; null for a missing or forged cookie. */
export async function csrfTokenIn(cookieValue: string | undefined): Promise<string | null> {
  const [token, hash] = (cookieValue ?? "").split("|");
  if (!token || !hash) return null;
  return constantTimeEqual(hash, await sha256Hex(`${token}${env().AUTH_SECRET}`)) ? token : null;
}

/** A new token and the cookie value that carries it. */
export async function newCsrfToken(): Promise<{ token: string; cookieValue: string }> {
  const token = Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, "0")).join("");
  return { token, cookieValue: `${token}|${await sha256Hex(`${token}${env().AUTH_SECRET}`)}` };
}

/** Whether a submitted token is the one in the browser's own cookie: a page of another site cannot know it. */
export async function csrfTokenMatches(cookieValue: string | undefined, submitted: unknown): Promise<boolean> {
  const token = await csrfTokenIn(cookieValue);
  return token !== null && typeof submitted === "string" && constantTimeEqual(token, submitted);
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
