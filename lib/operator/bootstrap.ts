import { firstRow } from "@/db/query";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, organizations, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { normalizeEmail } from "@/lib/email/normalize";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import type { MemberRole } from "@/db/values/roles";
import { transaction } from "@/db/transaction";

/** The operator organization's nominal domain: not a domain anyone can enroll (`.invalid` is reserved, RFC 2606). */
export const OPERATOR_DOMAIN = "program-operator.invalid";
export const DEFAULT_OPERATOR_NAME = "Program operator";

/** The one operator organization of this instance, or undefined before the first operator exists. */
export async function operatorOrganization(db: Db) {
  return await firstRow(db.select().from(organizations).where(eq(organizations.kind, "operator")));
}

export type AddOperatorReport = {
  organization: "created" | "existing";
  user: "created" | "existing";
  membership: "created" | "promoted" | "existing";
  organizationId: string;
  email: string;
};

/**
 * The first operator comes from the command line (`npm run operator:add`): creates the
 * operator organization if there is none, the person if unknown, and makes them an
 * operator admin. Running it again changes nothing and says so. One transaction, audited.
 */
export async function addOperator(db: Db, rawEmail: string, now: Date, name = DEFAULT_OPERATOR_NAME): Promise<AddOperatorReport> {
  const email = normalizeEmail(rawEmail);
  if (!/^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/.test(email) || email.length > 254)
    throw new DomainError("VALIDATION", {}, { email: ["emailInvalid"] });
  return await transaction(db, async (tx) => {
    let org = await firstRow(tx.select().from(organizations).where(eq(organizations.kind, "operator")));
    const orgCreated = !org;
    if (!org) {
      org = {
        id: newId("org"),
        kind: "operator",
        name,
        cloud: "global",
        country: "US",
        primaryDomain: OPERATOR_DOMAIN,
        partnerType: null,
        partnerPublicId: null,
        isCspTransactionTenant: false,
        partnerState: "active",
        corporateOfPartnerId: null,
        createdAt: now,
      };
      await tx.insert(organizations).values(org);
    }
    let user = await firstRow(tx.select().from(users).where(eq(users.email, email)));
    const userCreated = !user;
    if (!user) {
      user = { id: newId("usr"), email, name: null, emailVerified: null, image: null, locale: null, createdAt: now };
      await tx.insert(users).values(user);
    }
    const existing = await firstRow(
      tx
        .select()
        .from(memberships)
        .where(and(eq(memberships.organizationId, org.id), eq(memberships.userId, user.id))),
    );
    let membership: AddOperatorReport["membership"] = "existing";
    if (!existing) {
      await tx
        .insert(memberships)
        .values({ id: newId("mem"), organizationId: org.id, userId: user.id, roles: ["operator_admin"], createdAt: now });
      membership = "created";
    } else if (!existing.roles.includes("operator_admin")) {
      await tx
        .update(memberships)
        .set({ roles: [...existing.roles, "operator_admin"] as MemberRole[] })
        .where(eq(memberships.id, existing.id));
      membership = "promoted";
    }
    if (membership !== "existing") {
      await recordAudit(tx, {
        organizationId: org.id,
        actor: null,
        action: "operator.added",
        targetType: "user",
        targetId: user.id,
        details: { email },
        at: now,
      });
    }
    return {
      organization: orgCreated ? "created" : "existing",
      user: userCreated ? "created" : "existing",
      membership,
      organizationId: org.id,
      email,
    };
  });
}
