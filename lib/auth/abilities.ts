import { isInGoodStanding } from "@/lib/partners/standing";
import type { Member } from "./membership";
import { hasPermission, type CustomerPermission, type OperatorPermission, type PartnerPermission } from "./permissions";

/*
 * Which sections and controls a page offers a member, named for what the member sees. Only
 * presentation: every read checks its permission itself (ensurePermitted) and every action
 * again on its own, so a control shown by mistake still changes nothing.
 */

/** A partner member's sections (the navigation) and the controls of its pages. */
export function partnerAbilities(member: Member) {
  const has = (p: PartnerPermission) => hasPermission(member.roles, p);
  return {
    seeCustomers: has("customers.read"),
    seeSubscriptions: has("subscriptions.read"),
    seeInvitations: has("invitations.read"),
    // A suspended or offboarded partner keeps its list but invites nobody new.
    invite: has("invitations.write") && isInGoodStanding(member.organization),
    writeInvitations: has("invitations.write"),
    requestAdminRelationships: has("admin_relationships.write"),
    removeCustomers: has("relationships.remove"),
    seePartnerships: has("partnerships.read"),
    seeResellers: has("partnerships.read") && member.organization.partnerType === "indirect_provider",
    seeProviders: has("partnerships.read") && member.organization.partnerType === "indirect_reseller",
    managePartnerships: has("partnerships.write"),
    seeGroups: has("customers.read") || has("groups.write"),
    manageGroups: has("groups.write"),
    seeActivity: has("activity.read"),
    sellSubscriptions: has("subscriptions.write"),
    recordSupport: has("support.write"),
    manageApiKeys: has("api_keys.manage"),
    manageWebhooks: has("webhooks.manage"),
  };
}

/** An operator's console sections and controls. */
export function operatorAbilities(member: Member) {
  const has = (p: OperatorPermission) => hasPermission(member.roles, p);
  return {
    readConsole: has("operator.console.read"),
    manageCatalog: has("operator.catalog.write"),
    managePartners: has("operator.partners.manage"),
    decideApplications: has("operator.applications.decide"),
  };
}

/** A customer member's sections and controls. */
export function customerAbilities(member: Member) {
  const has = (p: CustomerPermission) => hasPermission(member.roles, p);
  return {
    seeDashboard: has("customer.dashboard.read"),
    seeActivity: has("customer.activity.read"),
    decideAdminRelationships: has("customer.admin_relationships.approve"),
    removePartners: has("customer.partners.remove"),
    assignSupport: has("customer.support.assign"),
    recordSubscriptions: has("customer.subscriptions.write"),
  };
}
