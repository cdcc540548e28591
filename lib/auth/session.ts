import "server-only";
import { cache } from "react";
import { isBuildPhase } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { auth } from "./auth";
import type { Actor } from "./membership";

/** The signed-in person, or null. Cached per request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  // Pages rendered at build time (the static /about) have no visitor.
  if (isBuildPhase()) return null;
  const session = await auth();
  const user = session?.user;
  if (!user?.id || !user.email) return null;
  return { userId: user.id, email: user.email };
});

export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new DomainError("UNAUTHENTICATED");
  return actor;
}
