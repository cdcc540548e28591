import { firstRow } from "@/db/query";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { resellerRelationships } from "@/db/schema";
import type { Tx } from "@/db/transaction";

/**
 * The partner's active reseller relationship with the customer, or undefined: what "this
 * partner works with this customer" means for every check that depends on it (removal,
 * admin requests and their approval, support assignments). Read it inside the transaction
 * that relies on it, so a removal committed meanwhile is seen.
 */
export async function activeResellerRelationship(db: Db | Tx, partnerId: string, customerId: string) {
  return await firstRow(
    db
      .select()
      .from(resellerRelationships)
      .where(
        and(
          eq(resellerRelationships.partnerId, partnerId),
          eq(resellerRelationships.customerId, customerId),
          eq(resellerRelationships.state, "active"),
        ),
      ),
  );
}
