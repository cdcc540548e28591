/**
 * One canonical form for every email we store or compare: Unicode NFKC (so full-width or
 * compatibility look-alikes fold to the same letters), trimmed, lower-cased. Invitations are
 * bound to this form, so a look-alike address cannot take another's invitation.
 */
export function normalizeEmail(raw: string): string {
  return raw.normalize("NFKC").trim().toLowerCase();
}

export function normalizeDomain(raw: string): string {
  return raw.normalize("NFKC").trim().toLowerCase().replace(/\.$/, "");
}
