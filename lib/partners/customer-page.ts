import "server-only";
import type { Db } from "@/db/client";
import { effectiveRoles } from "@/lib/access/effective-roles";
import { listAssignments, listGroups } from "@/lib/access/queries";
import { listPartnerAdminRelationships } from "@/lib/admin-relationships/queries";
import { isInForce } from "@/lib/admin-relationships/states";
import { listPartnerActivityForCustomer } from "@/lib/audit/queries";
import type { Member } from "@/lib/auth/membership";
import { partnerAbilities } from "@/lib/auth/abilities";
import { listOffered } from "@/lib/catalog/queries";
import { CLOUD_RULES } from "@/lib/clouds";
import { listSubscriptionsOf } from "@/lib/customers/queries";
import { listSupportedSubscriptions } from "@/lib/support/queries";
import { channelNames, getPartnerCustomerOrThrow } from "./queries";
import { isInGoodStanding } from "./standing";

/**
 * Everything a partner's page of one customer shows, for this member: customers.read or
 * FORBIDDEN, one of the partner's customers or NOT_FOUND, and each part only as far as the
 * member's permissions reach. `may` says which controls to offer; each action checks again.
 */
export async function readPartnerCustomerPage(db: Db, member: Member, customerId: string) {
  const { customer, relationship, otherPartnerCount } = await getPartnerCustomerOrThrow(db, member, customerId);
  const partnerId = member.organization.id;
  // Ended means ended (rule 9): an ex-partner sees its own history with the customer, nothing of the customer's today.
  const current = relationship.state === "active";
  const can = partnerAbilities(member);
  const may = {
    manageAdminRelationships: can.requestAdminRelationships,
    recordSupport: can.recordSupport,
    // Selling needs the permission and a relationship in force; a suspended partner manages what it sold but sells nothing new.
    sell: can.sellSubscriptions && current,
    remove: can.removeCustomers && current,
  };
  const adminRelationships = await listPartnerAdminRelationships(db, member, customer.id);
  const inForce = adminRelationships.filter((r) => isInForce(r.state));
  return {
    customer,
    relationship,
    otherPartnerCount,
    current,
    may,
    adminRelationshipsAvailable: CLOUD_RULES[customer.cloud].adminRelationships,
    adminRelationships,
    inForce,
    assignments: await listAssignments(
      db,
      member,
      inForce.map((r) => r.id),
    ),
    groups: may.manageAdminRelationships ? await listGroups(db, member) : [],
    subscriptions: current && can.seeSubscriptions ? await listSubscriptionsOf(db, customer.id) : [],
    activity: await listPartnerActivityForCustomer(db, partnerId, customer.id),
    myRoles: await effectiveRoles(db, partnerId, member.userId, customer.id),
    supported: current ? await listSupportedSubscriptions(db, partnerId, customer.id) : [],
    channel: await channelNames(db, relationship),
    offered: may.sell && isInGoodStanding(member.organization) ? await listOffered(db, customer.cloud) : [],
  };
}
