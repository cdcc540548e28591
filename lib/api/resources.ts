import { and, eq } from "drizzle-orm";
import { firstRow } from "@/db/query";
import {
  accessAssignments,
  adminRelationships,
  invitations,
  memberships,
  organizations,
  resellerRelationships,
  subscriptions,
  users,
  webhookEndpoints,
} from "@/db/schema";
import type { Tx } from "@/db/transaction";
import { invitationStatus } from "@/lib/invitations/status";

/**
 * Resources as the outside sees them: the REST API's answers and webhook payloads carry
 * the same shapes, so a script reads an event's data the way it reads the API. Never a
 * token, a secret or a hash.
 */

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function invitationResource(r: typeof invitations.$inferSelect, now: Date) {
  return {
    id: r.id,
    email: r.email,
    status: invitationStatus(r, now),
    locale: r.locale,
    message: r.message,
    providerId: r.providerId,
    customerId: r.customerId,
    adminRequest: r.adminRequest,
    sendCount: r.sendCount,
    createdAt: r.createdAt.toISOString(),
    lastSentAt: r.lastSentAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
  };
}

export function resellerRelationshipResource(r: typeof resellerRelationships.$inferSelect) {
  return {
    id: r.id,
    partnerId: r.partnerId,
    customerId: r.customerId,
    customerName: r.customerName,
    customerDomain: r.customerDomain,
    providerId: r.providerId,
    resellerId: r.resellerId,
    state: r.state,
    createdAt: r.createdAt.toISOString(),
    endedAt: iso(r.endedAt),
  };
}

export function adminRelationshipResource(r: typeof adminRelationships.$inferSelect) {
  return {
    id: r.id,
    partnerId: r.partnerId,
    customerId: r.customerId,
    name: r.name,
    roles: r.roles,
    durationDays: r.durationDays,
    autoExtend: r.autoExtend,
    state: r.state,
    createdAt: r.createdAt.toISOString(),
    requestedAt: iso(r.requestedAt),
    activatedAt: iso(r.activatedAt),
    endsAt: iso(r.endsAt),
    endedAt: iso(r.endedAt),
    replacesId: r.replacesId,
    templateVersionId: r.templateVersionId,
  };
}

export function accessAssignmentResource(r: typeof accessAssignments.$inferSelect) {
  return {
    id: r.id,
    partnerId: r.partnerId,
    adminRelationshipId: r.adminRelationshipId,
    groupId: r.groupId,
    roles: r.roles,
    state: r.state,
    createdAt: r.createdAt.toISOString(),
    updatedAt: iso(r.updatedAt),
    deletedAt: iso(r.deletedAt),
  };
}

/** The resource an activity-log entry is about, read inside the transaction that wrote it. */
export async function resourceOf(tx: Tx, organizationId: string, targetType: string, targetId: string, now: Date): Promise<unknown> {
  switch (targetType) {
    case "invitation": {
      const r = await firstRow(tx.select().from(invitations).where(eq(invitations.id, targetId)));
      return r && invitationResource(r, now);
    }
    case "reseller_relationship": {
      const r = await firstRow(tx.select().from(resellerRelationships).where(eq(resellerRelationships.id, targetId)));
      return r && resellerRelationshipResource(r);
    }
    case "admin_relationship": {
      const r = await firstRow(tx.select().from(adminRelationships).where(eq(adminRelationships.id, targetId)));
      return r && adminRelationshipResource(r);
    }
    case "access_assignment": {
      const r = await firstRow(tx.select().from(accessAssignments).where(eq(accessAssignments.id, targetId)));
      return r && accessAssignmentResource(r);
    }
    case "user": {
      const r = await firstRow(
        tx
          .select({ userId: users.id, email: users.email, roles: memberships.roles })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, targetId))),
      );
      return r && { organizationId, ...r };
    }
    case "organization": {
      const r = await firstRow(
        tx
          .select({ id: organizations.id, name: organizations.name, partnerState: organizations.partnerState })
          .from(organizations)
          .where(eq(organizations.id, targetId)),
      );
      return r ?? undefined;
    }
    default:
      return undefined;
  }
}

export function subscriptionResource(r: typeof subscriptions.$inferSelect) {
  return {
    id: r.id,
    customerId: r.customerId,
    product: r.product,
    productId: r.productId,
    seats: r.seats,
    state: r.state,
    term: r.term,
    termEndsAt: r.termEndsAt.toISOString(),
    purchaseChannel: r.purchaseChannel,
    partnerOfRecordId: r.partnerOfRecordId,
    createdAt: r.createdAt.toISOString(),
    updatedAt: iso(r.updatedAt),
  };
}

export function webhookEndpointResource(e: typeof webhookEndpoints.$inferSelect) {
  return {
    id: e.id,
    url: e.url,
    description: e.description,
    eventTypes: e.eventTypes,
    enabled: e.disabledAt === null,
    disabledReason: e.disabledReason,
    failingSince: e.failingSince?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}
