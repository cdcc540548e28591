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
export function operatorOrganization(db: Db) {
  return db.select().from(organizations).where(eq(organizations.kind, "operator")).get();
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
  return await transaction(db, (tx) => {
    let org = tx.select().from(organizations).where(eq(organizations.kind, "operator")).get();
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
      tx.insert(organizations).values(org).run();
    }
    let user = tx.select().from(users).where(eq(users.email, email)).get();
    const userCreated = !user;
    if (!user) {
      user = { id: newId("usr"), email, name: null, emailVerified: null, image: null, locale: null, createdAt: now };
      tx.insert(users).values(user).run();
    }
    const existing = tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.organizationId, org.id), eq(memberships.userId, user.id)))
      .get();
    let membership: AddOperatorReport["membership"] = "existing";
    if (!existing) {
      tx.insert(memberships)
        .values({ id: newId("mem"), organizationId: org.id, userId: user.id, roles: ["operator_admin"], createdAt: now })
        .run();
      membership = "created";
    } else if (!existing.roles.includes("operator_admin")) {
      tx.update(memberships)
        .set({ roles: [...existing.roles, "operator_admin"] as MemberRole[] })
        .where(eq(memberships.id, existing.id))
        .run();
      membership = "promoted";
    }
    if (membership !== "existing") {
      recordAudit(tx, {
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
