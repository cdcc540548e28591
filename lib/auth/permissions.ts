import type { CustomerRole, MemberRole, OperatorRole, PartnerRole } from "@/db/values/roles";

/**
 * Permissions are data: each names the roles that hold it. Code asks for a permission,
 * never for a role name, so changing who may do what is a one-line change here.
 */
export const PARTNER_PERMISSIONS = {
  "organization.manage": {
    roles: ["account_admin"],
    description: "Represent the organization to the program: its notices (enrollment, suspension, offboarding, grants of admin roles)",
  },
  "organization.profile.write": {
    roles: ["account_admin"],
    description: "Change the organization's name",
  },
  "api_keys.manage": {
    roles: ["account_admin"],
    description: "Create and revoke the organization's API keys",
  },
  "webhooks.manage": {
    roles: ["account_admin"],
    description: "Register the organization's webhook endpoints, see their deliveries and send them again",
  },
  "customers.read": {
    roles: ["account_admin", "admin_agent", "sales_agent", "helpdesk_agent"],
    description: "See customers, their relationships and activity",
  },
  "invitations.read": {
    roles: ["account_admin", "admin_agent", "sales_agent", "helpdesk_agent"],
    description: "See reseller invitations and their status",
  },
  "invitations.write": {
    roles: ["account_admin", "admin_agent", "sales_agent"],
    description: "Invite customers, resend and revoke invitations",
  },
  "admin_relationships.write": {
    roles: ["admin_agent"],
    description: "Request and terminate granular delegated admin relationships",
  },
  "relationships.remove": {
    roles: ["account_admin", "admin_agent"],
    description: "End a reseller relationship with a customer",
  },
  "users.write": {
    roles: ["account_admin", "user_management_admin"],
    description: "Invite colleagues, change their roles, remove them",
  },
  "groups.write": {
    roles: ["account_admin", "user_management_admin"],
    description: "Manage security groups and their members",
  },
  "activity.read": {
    roles: ["account_admin", "admin_agent", "sales_agent", "helpdesk_agent", "user_management_admin"],
    description: "See and export the organization's activity log",
  },
  "partnerships.read": {
    roles: ["account_admin", "admin_agent", "sales_agent", "helpdesk_agent"],
    description: "See two-tier partnerships (providers, resellers) and the customers they bring",
  },
  "partnerships.write": {
    roles: ["account_admin"],
    description: "Invite resellers, authorize a provider, end a partnership",
  },
  "support.write": {
    roles: ["account_admin", "admin_agent", "helpdesk_agent"],
    description: "Record support actions on subscriptions a customer assigned for support",
  },
  "subscriptions.read": {
    roles: ["account_admin", "admin_agent", "sales_agent", "billing_admin", "helpdesk_agent"],
    description: "See customers' subscriptions",
  },
  "subscriptions.write": {
    roles: ["admin_agent", "sales_agent"],
    description: "Create, change, suspend, reactivate, cancel and import the subscriptions the organization sells",
  },
} as const satisfies Record<string, { roles: readonly PartnerRole[]; description: string }>;

export const CUSTOMER_PERMISSIONS = {
  "customer.dashboard.read": {
    roles: ["global_admin", "billing_administrator"],
    description: "See the partners, subscriptions and activity of the organization",
  },
  "customer.activity.read": {
    roles: ["global_admin", "billing_administrator"],
    description: "See and export every partner's activity in the organization",
  },
  "customer.profile.write": {
    roles: ["global_admin"],
    description: "Change the organization's name",
  },
  "customer.users.write": {
    roles: ["global_admin"],
    description: "Invite users, make them Global or Billing administrators, remove them",
  },
  "customer.partners.remove": {
    roles: ["global_admin"],
    description: "Remove a partner from the organization",
  },
  "customer.relationships.accept": {
    roles: ["global_admin"],
    description: "Accept or decline partner invitations",
  },
  "customer.support.assign": {
    roles: ["global_admin"],
    description: "Assign subscriptions bought elsewhere to a partner for support",
  },
  "customer.admin_relationships.approve": {
    roles: ["global_admin"],
    description: "Approve, reject and remove partners' admin relationships",
  },
  "customer.subscriptions.write": {
    roles: ["global_admin"],
    description: "Record subscriptions bought elsewhere (directly, under an enterprise agreement), change and cancel them",
  },
} as const satisfies Record<string, { roles: readonly CustomerRole[]; description: string }>;

export const OPERATOR_PERMISSIONS = {
  "operator.console.read": {
    roles: ["operator_admin", "partner_manager", "operator_viewer"],
    description: "See applications, partners, customers, the catalog and the operator's activity",
  },
  "operator.applications.decide": {
    roles: ["operator_admin", "partner_manager"],
    description: "Approve or reject partner enrollment applications",
  },
  "operator.partners.manage": {
    roles: ["operator_admin", "partner_manager"],
    description: "Suspend, reinstate and offboard partners",
  },
  "operator.catalog.write": {
    roles: ["operator_admin"],
    description: "Add, change and remove products in each cloud's catalog",
  },
  "operator.users.write": {
    roles: ["operator_admin"],
    description: "Invite operators, change their roles, remove them",
  },
} as const satisfies Record<string, { roles: readonly OperatorRole[]; description: string }>;

export type PartnerPermission = keyof typeof PARTNER_PERMISSIONS;
export type CustomerPermission = keyof typeof CUSTOMER_PERMISSIONS;
export type OperatorPermission = keyof typeof OPERATOR_PERMISSIONS;
export type Permission = PartnerPermission | CustomerPermission | OperatorPermission;

const ALL: Record<Permission, { roles: readonly MemberRole[] }> = {
  ...PARTNER_PERMISSIONS,
  ...CUSTOMER_PERMISSIONS,
  ...OPERATOR_PERMISSIONS,
};

/** True when any of the member's roles holds the permission. */
export function hasPermission(roles: readonly MemberRole[], permission: Permission): boolean {
  const holders = ALL[permission].roles;
  return roles.some((r) => holders.includes(r));
}

/** Every permission the roles hold together (a member may have several roles). */
export function permissionsOf(roles: readonly MemberRole[]): Permission[] {
  return (Object.keys(ALL) as Permission[]).filter((p) => hasPermission(roles, p));
}
