import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { firstRow } from "@/db/query";
import { memberships, users } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/operations";
import { grantableScopes } from "@/lib/api-keys/scopes";
import { getMember } from "@/lib/auth/membership";
import { systemClock } from "@/lib/clock";
import { execute } from "@/lib/operations/execute";

/** Who the demo's key acts as: Northwind's Account admin, with every permission she may give a key. */
export const DEMO_KEY_MAKER = "alice.admin@northwindcloud.com";

/**
 * A fresh key for each `npm run demo` (only its hash is kept, so an earlier run's secret cannot
 * be printed again), made through the page's own operation, for a newcomer to try the API with.
 */
export async function demoApiKey(db: Db): Promise<string | null> {
  const maker = await firstRow(
    db
      .select({ userId: users.id, email: users.email, organizationId: memberships.organizationId })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .where(eq(users.email, DEMO_KEY_MAKER)),
  );
  if (!maker) return null;
  const actor = { userId: maker.userId, email: maker.email };
  const member = await getMember(db, actor, maker.organizationId);
  if (!member) return null;
  const ctx = { db, now: systemClock, config: { invitationTtlDays: 14, publicBaseUrl: "" } };
  const key = await execute(createApiKey, ctx, actor, {
    organizationId: maker.organizationId,
    name: "Demo key (npm run demo)",
    expiresInDays: 30,
    scopes: grantableScopes(member),
  });
  return key.secret;
}
