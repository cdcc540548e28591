/** Roles a member can hold in a partner organization (DOMAIN.md "Partner user roles"). */
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

export type MemberRole = PartnerRole | CustomerRole;
