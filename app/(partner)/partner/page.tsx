import { notFound, redirect } from "next/navigation";
import { listMemberships } from "@/lib/auth/membership";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db";

/** /partner opens the first partner organization the user belongs to. */
export default async function PartnerIndex() {
  const actor = await getActor();
  if (!actor) redirect("/signin?redirectTo=/partner");
  const first = (await listMemberships(db(), actor.userId)).find((m) => m.kind === "partner");
  if (!first) notFound();
  redirect(`/partner/${first.id}`);
}
