import { getDomain } from "tldts";
import { CLOUD_RULES } from "@/lib/clouds";

/*
 * Which domain a company can own, and what proves it. The Public Suffix List (through tldts)
 * says where registrations happen: `co.uk` and `github.io` are nobody's, `evil.co.uk` is
 * one registrant's. The clouds' tenant namespaces (lib/clouds.ts) are treated the same way.
 */
const TENANT_NAMESPACES = [...new Set(Object.values(CLOUD_RULES).map((r) => r.tenantNamespace))];

/**
 * The domain one registrant holds that `domain` is at or under (`mail.contoso.com` →
 * `contoso.com`, `contoso.onmicrosoft.com` → itself), or null when `domain` is a public suffix
 * or a tenant namespace, which nobody owns.
 */
export function registrableDomain(domain: string): string | null {
  const namespace = TENANT_NAMESPACES.find((n) => domain === n || domain.endsWith(`.${n}`));
  if (namespace) {
    if (domain === namespace) return null;
    return `${domain
      .slice(0, -namespace.length - 1)
      .split(".")
      .pop()}.${namespace}`;
  }
  return getDomain(domain, { allowPrivateDomains: true });
}

/** Whether a company could own this domain (it is not a public suffix nor a tenant namespace). */
export const isOwnableDomain = (domain: string): boolean => registrableDomain(domain) !== null;

/**
 * The domain check of enrollment: a signed-in address proves a domain when the address is at
 * it or at a subdomain of it, and the domain is no higher than what the address's own
 * registrant holds. `alice@mail.contoso.com` proves `contoso.com`; `eve@evil.co.uk` proves
 * `evil.co.uk` but not `co.uk`; `x@t.onmicrosoft.com` proves `t.onmicrosoft.com` only.
 */
export function addressProvesDomain(email: string, domain: string): boolean {
  const at = email.slice(email.lastIndexOf("@") + 1);
  if (at !== domain && !at.endsWith(`.${domain}`)) return false;
  const registrable = registrableDomain(at);
  return registrable !== null && (domain === registrable || domain.endsWith(`.${registrable}`));
}
