import ipaddr from "ipaddr.js";
import { normalizeEmail } from "@/lib/email/normalize";
import { registrableDomain } from "@/lib/validation/domains";

/*
 * What a limit counts: the thing an abuser would have to change to get past it, never a
 * spelling of it. Every limit's key is built here, so variants of one key count as one.
 */

/**
 * The mailbox an address reaches: its normalized form (lib/email/normalize.ts: NFKC, lower
 * case) without a sub-address (RFC 5233: `victim+1@example.com` is delivered to
 * `victim@example.com`), so `+1`, `+2`, … all count against one inbox.
 */
export function mailboxOf(email: string): string {
  const normalized = normalizeEmail(email);
  const at = normalized.lastIndexOf("@");
  if (at < 0) return normalized;
  const local = normalized.slice(0, at);
  const plus = local.indexOf("+");
  return `${plus > 0 ? local.slice(0, plus) : local}${normalized.slice(at)}`;
}

/**
 * The client a request comes from, as a limit counts it: an IPv4 address as it is, an IPv6
 * address by its /64 (one subscriber's network: a host may take any of its 2^64 addresses
 * at will), an IPv4 address written as IPv6 (`::ffff:a.b.c.d`) as the IPv4 address.
 */
export function clientNetworkOf(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  if (parsed.kind() === "ipv4") return parsed.toString();
  const network = new ipaddr.IPv6([...(parsed as ipaddr.IPv6).parts.slice(0, 4), 0, 0, 0, 0]);
  return `${network.toString()}/64`;
}

/** The limit's key for a client address: its network (above). */
export const clientKey = (kind: string, address: string) => `${kind}:${clientNetworkOf(address)}`;

/** The limit's key for an email address: its mailbox (above). */
export const mailboxKey = (kind: string, email: string) => `${kind}:${mailboxOf(email)}`;

/** The limit's key for a company's domain: the registrable domain it is under, so subdomains count as the company. */
export const domainKey = (kind: string, domain: string) => `${kind}:${registrableDomain(domain) ?? domain}`;
