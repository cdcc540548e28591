/** Roles a member can hold in a partner organization: the program's partner user roles. */
export const PARTNER_ROLES = [
  "account_admin",
  "admin_agent",
  "sales_agent",
  "billing_admin",
  "helpdesk_agent",
  "user_management_admin",
] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

/** Roles in a customer organization (named apart from partner roles). Only a Global administrator accepts or approves. */
export const CUSTOMER_ROLES = ["global_admin", "billing_administrator", "user"] as const;
export type CustomerRole = (typeof CUSTOMER_ROLES)[number];

/** Roles of the program operator's people (the console at /operator). */
export const OPERATOR_ROLES = ["operator_admin", "partner_manager", "operator_viewer"] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

export type MemberRole = PartnerRole | CustomerRole | OperatorRole;

/** Which roles a member of each kind of organization can hold: nothing else fits. */
export const ROLES_OF_KIND = { partner: PARTNER_ROLES, customer: CUSTOMER_ROLES, operator: OPERATOR_ROLES } as const satisfies Record<
  "partner" | "customer" | "operator",
  readonly MemberRole[]
>;
