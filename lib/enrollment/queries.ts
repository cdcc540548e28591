import { firstRow } from "@/db/query";
import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organizations, partnerApplications } from "@/db/schema";
import type { Actor } from "@/lib/auth/membership";

/** The signed-in person's own applications, newest first: what the enrollment page shows them. */
export async function listMyApplications(db: Db, actor: Actor) {
  return await db
    .select({
      id: partnerApplications.id,
      companyName: partnerApplications.companyName,
      primaryDomain: partnerApplications.primaryDomain,
      cloud: partnerApplications.cloud,
      partnerType: partnerApplications.partnerType,
      state: partnerApplications.state,
      createdAt: partnerApplications.createdAt,
      rejectionReason: partnerApplications.rejectionReason,
      partnerId: partnerApplications.partnerId,
    })
    .from(partnerApplications)
    .where(eq(partnerApplications.applicantUserId, actor.userId))
    .orderBy(desc(partnerApplications.createdAt))
    .limit(20);
}

/** Whether anyone runs the program yet: without an operator there is nobody to review an application. */
export async function enrollmentOpen(db: Db): Promise<boolean> {
  return !!(await firstRow(db.select({ id: organizations.id }).from(organizations).where(eq(organizations.kind, "operator"))));
}
