import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";

/** Why a delivery was not even attempted: the address is not one the product may call. */
export class OutboundRefused extends Error {}

export type PostResult = { status: number; durationMs: number; response: string };
export type PostFn = (url: string, headers: Record<string, string>, body: string) => Promise<PostResult>;

export const TIMEOUT_MS = 10_000;
/** The first bytes of an answer kept for the delivery log; the rest is never read. */
export const RESPONSE_BYTES = 2_048;

/** Only global unicast: no private, loopback, link-local (cloud metadata), multicast or reserved address. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === "unicast";
}

/** Lower-cased host names (as a URL writes them) that may be private: the tests' and the demo's receivers. */
export const allowedHost = (hostname: string, allowed: readonly string[]) => allowed.includes(hostname.toLowerCase());

/**
 * Checks every address the name resolves to and hands the socket exactly the checked one:
 * the connection is pinned to what was checked, so a name that resolves differently a
 * moment later (DNS rebinding) cannot slip a private address in.
 */
function checkedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const refused = addresses.find((a) => !allowPrivate && !isPublicAddress(a.address));
      if (refused) return callback(new OutboundRefused(`${hostname} resolves to a private address (${refused.address})`), "", 0);
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/**
 * POSTs one webhook: http(s) only, addresses checked (unless the host is allowed), no
 * redirect followed (a 3xx is a failed attempt), at most ten seconds, and only the first
 * bytes of the answer read.
 */
export function safePost(allowedHosts: readonly string[]): PostFn {
  return async (url, headers, body) => {
    const u = new URL(url);
    if (u.protocol !== "http:" && u.protocol !== "https:") throw new OutboundRefused(`${u.protocol} is not http(s)`);
    const allowPrivate = allowedHost(u.hostname, allowedHosts);
    const literal = u.hostname.replace(/^\[|\]$/g, "");
    // An address written in the URL is never looked up: check it here.
    if (ipaddr.isValid(literal) && !allowPrivate && !isPublicAddress(literal)) throw new OutboundRefused(`${literal} is a private address`);
    const started = performance.now();
    return await new Promise<PostResult>((resolve, reject) => {
      const request = (u.protocol === "https:" ? https : http).request(
        u,
        {
          method: "POST",
          headers: {
            ...headers,
            "content-type": "application/json",
            "content-length": String(Buffer.byteLength(body)),
            "user-agent": "PartnerRelationshipCenter-Webhooks/1",
          },
          lookup: checkedLookup(allowPrivate),
          agent: false,
          signal: AbortSignal.timeout(TIMEOUT_MS),
        },
        (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          let done = false;
          const finish = () => {
            if (done) return;
            done = true;
            const status = response.statusCode ?? 0;
            resolve({
              status,
              durationMs: Math.round(performance.now() - started),
              response: Buffer.concat(chunks).toString("utf8").slice(0, RESPONSE_BYTES),
            });
            response.destroy();
          };
          response.on("data", (chunk: Buffer) => {
            chunks.push(chunk);
            size += chunk.length;
            if (size >= RESPONSE_BYTES) finish();
          });
          response.on("end", finish);
          response.on("error", finish);
          response.on("close", finish);
        },
      );
      request.on("error", (error) => reject(error.name === "AbortError" ? new Error(`no answer within ${TIMEOUT_MS / 1000} s`) : error));
      request.end(body);
    });
  };
}
