import "server-only";
import { headers } from "next/headers";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { clientKey } from "./keys";
import { blockedUntil, consumeAlone, MINUTE } from "./limiter";

/**
 * The client's address: scripts/start.ts replaces X-Forwarded-For, before Next sees the
 * request, with the one address TRUSTED_PROXY_HOPS and the socket give (lib/http/client-address.ts).
 */
export async function requestIp(): Promise<string> {
  const h = await headers();
  return (h.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown").slice(0, 64);
}

const tokenKey = (ip: string) => clientKey("token-failures", ip);

/** Whether this address has failed too many emailed-link tokens this minute: when it may try again, or null. */
export async function tokenAttemptsBlockedUntil(): Promise<Date | null> {
  return await blockedUntil(db(), {
    key: tokenKey(await requestIp()),
    limit: env().TOKEN_FAILURES_PER_IP_PER_MINUTE,
    windowMs: MINUTE,
    now: new Date(),
  });
}

/** A token that matched nothing (or a used, expired one): guessing links costs attempts. */
export async function recordTokenFailure(): Promise<void> {
  try {
    const key = tokenKey(await requestIp());
    await consumeAlone(db(), { key, limit: Number.MAX_SAFE_INTEGER, windowMs: MINUTE, now: new Date() });
  } catch {
    // Counting must never break the page that reports the failure.
  }
}

/** Sign-in requests per address per minute; throws RATE_LIMITED with the time to try again. */
export async function consumeSignInAttempt(): Promise<void> {
  const key = clientKey("sign-in", await requestIp());
  await consumeAlone(db(), { key, limit: env().SIGNIN_ATTEMPTS_PER_IP_PER_MINUTE, windowMs: MINUTE, now: new Date() });
}
