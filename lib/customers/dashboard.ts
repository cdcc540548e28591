import "server-only";
import type { Db } from "@/db/client";
import { listCustomerAdminRelationships } from "@/lib/admin-relationships/queries";
import { listCustomerActivity } from "@/lib/audit/queries";
import type { Member } from "@/lib/auth/membership";
import { customerAbilities } from "@/lib/auth/abilities";
import { listOffered } from "@/lib/catalog/queries";
import { listCustomerPartners, listSubscriptionsOf } from "./queries";

/**
 * Everything a customer's dashboard shows, for this member of the customer:
 * customer.dashboard.read or FORBIDDEN. `may` says which controls to offer; each action
 * checks again.
 */
export async function readCustomerDashboard(db: Db, member: Member) {
  // listCustomerPartners checks customer.dashboard.read before anything is read.
  const partners = await listCustomerPartners(db, member);
  const customerId = member.organization.id;
  const may = customerAbilities(member);
  return {
    partners,
    may,
    subscriptions: await listSubscriptionsOf(db, customerId),
    activity: await listCustomerActivity(db, customerId),
    adminRelationships: await listCustomerAdminRelationships(db, member),
    offered: may.recordSubscriptions ? await listOffered(db, member.organization.cloud) : [],
    // Support goes to partners holding admin roles here (the service checks it again).
    supportCandidates: partners.filter((p) => p.adminRoles.length > 0),
  };
}
