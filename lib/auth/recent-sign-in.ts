import { GLOBAL_ADMINISTRATOR } from "@/db/values/directory-roles";
import type { Actor } from "./membership";

/**
 * Re-authentication for the most powerful step (ASVS V7): giving a partner Global
 * Administrator in the customer's tenant needs a sign-in from the last 15 minutes, so an
 * unlocked laptop or a stolen session cookie alone cannot hand over the whole tenant.
 */
export const RECENT_SIGN_IN_MS = 15 * 60_000;

/** Whether the actor used an emailed link within the window. An actor of unknown age is not recent. */
export function signedInRecently(actor: Actor, now: Date): boolean {
  return actor.signedInAt != null && now.getTime() - actor.signedInAt.getTime() <= RECENT_SIGN_IN_MS;
}

/** Whether granting these directory roles asks for a fresh sign-in first. */
export function needsFreshSignIn(roles: readonly string[], actor: Actor, now: Date): boolean {
  return roles.includes(GLOBAL_ADMINISTRATOR) && !signedInRecently(actor, now);
}
