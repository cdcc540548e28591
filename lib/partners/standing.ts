import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organizations } from "@/db/schema";
import type { Tx } from "@/db/transaction";
import type { Organization } from "@/lib/auth/membership";
import { DomainError } from "@/lib/errors";

/*
 * The program's standing rule, written once: a suspended partner still signs in and sees, but
 * reaches out to nobody (invites no customer, reseller or colleague, asks for no roles, sells
 * nothing new) and gains nothing from what it sent before; an offboarded one does nothing at
 * all. Every operation checks the standing of every partner that gains or reaches out through
 * it, at the moment it takes effect: sending, resending, answering, authorizing, approving,
 * extending. A partner named by the operation (the provider an invitation names, the reseller
 * a partnership invitation goes to) is checked like the one acting.
 */

type Standing = Pick<Organization, "name" | "partnerState">;

/** What keeps a partner from acting, or null when it is in good standing (customers and the operator always are). */
function standingProblem(p: Standing): "PARTNER_SUSPENDED" | "PARTNER_OFFBOARDED" | null {
  if (p.partnerState === "suspended") return "PARTNER_SUSPENDED";
  if (p.partnerState === "offboarded") return "PARTNER_OFFBOARDED";
  return null;
}

/** Whether the partner is in good standing: what pages ask before offering a control that reaches out. */
export const isInGoodStanding = (p: Pick<Organization, "partnerState">): boolean => standingProblem({ name: "", ...p }) === null;

/** Refuses unless every partner given is in good standing. */
export function assertInGoodStanding(...parties: Standing[]): void {
  for (const p of parties) {
    const problem = standingProblem(p);
    if (problem) throw new DomainError(problem, { name: p.name });
  }
}

const standingOf = (db: Db | Tx, ids: string[]) =>
  db
    .select({ name: organizations.name, partnerState: organizations.partnerState })
    .from(organizations)
    .where(inArray(organizations.id, ids));

/**
 * The same for partners known by id, read in the caller's transaction: what the operation's
 * write will see. Ids may be absent (an invitation that names no provider).
 */
export async function requireStanding(db: Db | Tx, ...partnerIds: (string | null | undefined)[]): Promise<void> {
  const ids = [...new Set(partnerIds.filter((id): id is string => !!id))];
  if (ids.length > 0) assertInGoodStanding(...(await standingOf(db, ids)));
}

/** Whether a partner is in good standing now: for the scheduled job, which refuses nobody but skips what it may not give. */
export async function inGoodStanding(db: Db | Tx, partnerId: string): Promise<boolean> {
  const [party] = await standingOf(db, [partnerId]);
  return !!party && standingProblem(party) === null;
}
