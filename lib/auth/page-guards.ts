import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db";
import { isDomainError } from "@/lib/errors";
import type { OrganizationKind } from "@/db/values/organizations";
import { operatorOrganization } from "@/lib/operator/bootstrap";
import { requireMember, type Actor, type Member } from "./membership";
import { getActor } from "./session";

/**
 * For pages: the signed-in member of this organization, or a redirect to sign in (coming
 * back here afterwards), or "not found" for anyone else. Each server action checks again
 * on its own: a page's check does not extend to the actions it renders.
 */
export async function memberForPage(organizationId: string, kind: OrganizationKind, returnTo: string): Promise<Member> {
  const actor = await getActor();
  if (!actor) redirect(`/signin?redirectTo=${encodeURIComponent(returnTo)}`);
  try {
    return await memberThisRequest(actor, organizationId, kind);
  } catch (error) {
    if (isDomainError(error, "NOT_FOUND")) notFound();
    throw error;
  }
}

// A layout and its page both ask for the member: one read of the membership row per request.
// React's cache lasts one request (one render), never longer, so a membership removed or a
// role taken away shows on the very next request.
const memberThisRequest = cache((actor: Actor, organizationId: string, kind: OrganizationKind) =>
  requireMember(db(), actor, organizationId, kind),
);

/**
 * For the operator console: the signed-in operator, or a redirect to sign in, or "not found"
 * for everyone else (the console's addresses carry no organization id: there is one operator).
 */
export async function operatorForPage(returnTo: string): Promise<Member> {
  const operator = await operatorOrganization(db());
  if (!operator) notFound();
  return memberForPage(operator.id, "operator", returnTo);
}

/** For pages: a read that may answer "not found" (another tenant's id, or none) shows the 404 page. */
export async function orNotFound<T>(read: () => T | Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (isDomainError(error, "NOT_FOUND")) notFound();
    throw error;
  }
}

/** What a read answers for a member who lacks its permission: the page shows <Forbidden> in its place. */
export const REFUSED = Symbol("refused");

/**
 * For pages: a read through lib/ that checks the member's permission itself. FORBIDDEN
 * resolves to REFUSED (the page renders the refusal, its heading the h1); NOT_FOUND shows
 * the 404 page, as orNotFound does.
 */
export async function readForPage<T>(read: () => Promise<T>): Promise<T | typeof REFUSED> {
  try {
    return await read();
  } catch (error) {
    if (isDomainError(error, "FORBIDDEN")) return REFUSED;
    if (isDomainError(error, "NOT_FOUND")) notFound();
    throw error;
  }
}
