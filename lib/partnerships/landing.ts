import "server-only";
import { eq, or } from "drizzle-orm";
import { organizations } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { findPartnershipByToken } from "./service";
import { partnershipStatus } from "./states";

/** What the emailed partnership link shows: who asks whom, and whether it can still be answered. Viewing changes nothing. */
export async function getPartnershipLanding(ctx: ServiceContext, token: string) {
  const row = await findPartnershipByToken(ctx, token);
  if (!row) return null;
  const orgs = await ctx.db
    .select()
    .from(organizations)
    .where(or(eq(organizations.id, row.providerId), eq(organizations.id, row.resellerId)));
  const provider = orgs.find((o) => o.id === row.providerId)!;
  const reseller = orgs.find((o) => o.id === row.resellerId)!;
  return { status: partnershipStatus(row, ctx.now()), email: row.email, expiresAt: row.expiresAt, provider, reseller };
}
