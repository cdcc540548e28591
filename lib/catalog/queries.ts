import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { products } from "@/db/schema";
import type { Cloud } from "@/db/values/organizations";
import { ensurePermitted, type Member } from "@/lib/auth/membership";

/**
 * Every cloud's catalog, by name. The catalog is the program's price list, not a tenant's
 * data: operators edit it, and partners and customers of a cloud read its offered products.
 */
export async function listCatalog(db: Db, member: Member) {
  ensurePermitted(member, "operator.console.read");
  return await db.select().from(products).orderBy(asc(products.cloud), asc(products.name));
}

/** The products of one cloud offered for new subscriptions. */
export async function listOffered(db: Db, cloud: Cloud) {
  return await db
    .select({ id: products.id, name: products.name, supportable: products.supportable })
    .from(products)
    .where(and(eq(products.cloud, cloud), eq(products.available, true)))
    .orderBy(asc(products.name));
}
