import { firstRow } from "@/db/query";
import { and, eq } from "drizzle-orm";
import { invitations, memberships, organizations, resellerRelationships } from "@/db/schema";
import type { Actor, Organization } from "@/lib/auth/membership";
import { recordAudit } from "@/lib/audit/record";
import { type Tx } from "@/db/transaction";
import { CLOUD_RULES } from "@/lib/clouds";
import { hasPermission } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import { enqueueEmail } from "@/lib/email/outbox";
import { noticeEmail } from "@/lib/email/templates";
import { membersWith } from "@/lib/auth/recipients";
import { activePartnership } from "@/lib/partnerships/service";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { activeResellerRelationship } from "@/lib/relationships/queries";
import { organizationByDomain } from "./statements";

type InvitationRow = typeof invitations.$inferSelect;

/*
 * What accepting an invitation checks before it writes (lib/invitations/respond.ts): the
 * tenant the partner is to work with, existing or new, and the two-tier provider link.
 */
/** Checks the seeds' rules for an existing tenant becoming this partner's customer (rules 4 and 7). */
export async function checkExistingTarget(
  ctx: ServiceContext,
  actor: Actor,
  partner: Organization,
  customerId: string,
  provider: string | null,
): Promise<Organization> {
  const row = await firstRow(
    ctx.db
      .select({ org: organizations, roles: memberships.roles })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
      .where(and(eq(memberships.userId, actor.userId), eq(memberships.organizationId, customerId))),
  );
  if (!row) throw new DomainError("NOT_FOUND");
  const { org, roles } = row;
  if (org.id === partner.id || org.corporateOfPartnerId === partner.id || (provider && org.corporateOfPartnerId === provider))
    throw new DomainError("SELF_INVITE");
  if (org.kind === "partner") {
    if (org.isCspTransactionTenant) throw new DomainError("CSP_TRANSACTION_TENANT", { name: org.name });
    throw new DomainError("NOT_A_CUSTOMER_TENANT", { name: org.name });
  }
  // Only who holds the permission (a Global administrator) may accept for the organization.
  if (!hasPermission(roles, "customer.relationships.accept")) throw new DomainError("FORBIDDEN");
  if (org.cloud !== partner.cloud) throw new DomainError("CLOUD_MISMATCH");
  if (await activeResellerRelationship(ctx.db, partner.id, org.id)) throw new DomainError("ALREADY_RELATED", { name: org.name });
  return org;
}

export async function checkNewTarget(ctx: ServiceContext, partner: Organization, primaryDomain: string) {
  if (!CLOUD_RULES[partner.cloud].newCustomers) throw new DomainError("NEW_CUSTOMERS_CLOSED");
  const taken = await firstRow(organizationByDomain(ctx.db).execute({ cloud: partner.cloud, domain: primaryDomain }));
  if (!taken) return;
  if (taken.id === partner.id || taken.corporateOfPartnerId === partner.id) throw new DomainError("SELF_INVITE");
  if (taken.kind === "partner" && taken.isCspTransactionTenant) throw new DomainError("CSP_TRANSACTION_TENANT", { name: taken.name });
  throw new DomainError("DOMAIN_TAKEN", { domain: primaryDomain }, { primaryDomain: ["domainTaken"] });
}

/**
 * Two-tier: the same acceptance makes the customer the named provider's customer too,
 * unless it already is. The partnership must still be active at this instant.
 */
export async function linkProvider(
  ctx: ServiceContext,
  tx: Tx,
  p: { inv: InvitationRow; reseller: Organization; customer: Organization; actor: Actor; now: Date },
): Promise<Organization> {
  const providerId = p.inv.providerId!;
  if (!(await activePartnership(tx, providerId, p.reseller.id))) throw new DomainError("PROVIDER_UNAVAILABLE");
  const provider = await firstRow(tx.select().from(organizations).where(eq(organizations.id, providerId)));
  if (!provider || provider.cloud !== p.customer.cloud) throw new DomainError("PROVIDER_UNAVAILABLE");
  if (await activeResellerRelationship(tx, provider.id, p.customer.id)) return provider;
  const id = newId("rel");
  await tx.insert(resellerRelationships).values({
    id,
    partnerId: provider.id,
    customerId: p.customer.id,
    state: "active",
    invitationId: p.inv.id,
    createdAt: p.now,
    resellerId: p.reseller.id,
    customerName: p.customer.name,
    customerDomain: p.customer.primaryDomain,
  });
  const details = { partner: provider.name, customer: p.customer.name, reseller: p.reseller.name };
  await recordAudit(tx, {
    organizationId: provider.id,
    customerId: p.customer.id,
    actor: p.actor,
    action: "reseller_relationship.created",
    targetType: "reseller_relationship",
    targetId: id,
    details,
    at: p.now,
  });
  for (const to of await membersWith(tx, [provider.id], "partnerships.write")) {
    await enqueueEmail(
      tx,
      {
        idempotencyKey: `reseller_relationship.${id}.provider.${to.email}`,
        kind: "reseller_relationship.via_reseller",
        to: to.email,
        organizationId: provider.id,
        relatedId: id,
        ...noticeEmail({
          locale: to.locale,
          kind: "customerViaReseller",
          vars: { provider: provider.name, reseller: p.reseller.name, customer: p.customer.name },
          url: `${ctx.config.publicBaseUrl}/partner/${provider.id}/customers/${p.customer.id}`,
        }),
      },
      p.now,
    );
  }
  return provider;
}
