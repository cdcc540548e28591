import { firstRow } from "@/db/query";
import { and, eq, ne, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organizations, partnerApplications } from "@/db/schema";
import type { Tx } from "@/db/transaction";
import type { Cloud } from "@/db/values/organizations";

/*
 * Who already holds or claims a domain in a cloud: an organization (partner, customer or a
 * corporate tenant), or an application waiting for review, in either of its domain fields.
 */

export async function domainTaken(db: Db | Tx, cloud: Cloud, domain: string): Promise<boolean> {
  return !!(await firstRow(
    db
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.cloud, cloud), eq(organizations.primaryDomain, domain))),
  ));
}

/** A waiting application whose primary domain this is: proven by its applicant's address, so it holds the domain. */
export async function pendingFor(db: Db | Tx, cloud: Cloud, domain: string): Promise<boolean> {
  return !!(await firstRow(
    db
      .select({ id: partnerApplications.id })
      .from(partnerApplications)
      .where(
        and(eq(partnerApplications.cloud, cloud), eq(partnerApplications.primaryDomain, domain), eq(partnerApplications.state, "pending")),
      ),
  ));
}

/** Other waiting applications that name the domain, whichever field it is in. */
export async function waitingClaims(db: Db | Tx, cloud: Cloud, domain: string, exceptId: string) {
  return await db
    .select({ id: partnerApplications.id, companyName: partnerApplications.companyName, primaryDomain: partnerApplications.primaryDomain })
    .from(partnerApplications)
    .where(
      and(
        eq(partnerApplications.cloud, cloud),
        eq(partnerApplications.state, "pending"),
        ne(partnerApplications.id, exceptId),
        or(eq(partnerApplications.primaryDomain, domain), eq(partnerApplications.corporateDomain, domain)),
      ),
    );
}
