import type { OrganizationKind } from "@/db/values/organizations";
import type { Permission } from "./permissions";
import type { MemberRole } from "@/db/values/roles";

/*
 * Who may give which role (rule 9), as data beside the permissions. Nobody changes their own
 * roles; a person grants only roles they hold themselves, except the organization's top role,
 * which grants every role of its kind; and the most powerful roles are granted by the top
 * role alone, whoever else holds them.
 */

/** Each kind's top role: its holders may grant every role of the kind, and one must always remain. */
export const TOP_ROLE = { partner: "account_admin", customer: "global_admin", operator: "operator_admin" } as const satisfies Record<
  OrganizationKind,
  MemberRole
>;

/** Granted by the top role only (Account admin, Admin agent, Global administrator, operator admin). */
export const GRANTED_BY_TOP_ONLY: readonly MemberRole[] = ["account_admin", "admin_agent", "global_admin", "operator_admin"];

/** Grants the organization's top admins are told about: admin roles, and the power to manage people. */
export const ANNOUNCED_ROLES: readonly MemberRole[] = [
  "account_admin",
  "admin_agent",
  "user_management_admin",
  "global_admin",
  "operator_admin",
  "partner_manager",
];

/** Who hears of a grant in each kind of organization: the holders of the top role. */
export const GRANT_NOTICES: Record<OrganizationKind, Permission> = {
  partner: "organization.manage",
  customer: "customer.users.write",
  operator: "operator.users.write",
};

export function mayGrant(granter: readonly MemberRole[], kind: OrganizationKind, role: MemberRole): boolean {
  if (granter.includes(TOP_ROLE[kind])) return true;
  if (GRANTED_BY_TOP_ONLY.includes(role)) return false;
  return granter.includes(role);
}

/** The roles in `roles` this granter may not give. */
export function ungrantable(granter: readonly MemberRole[], kind: OrganizationKind, roles: readonly MemberRole[]): MemberRole[] {
  return roles.filter((r) => !mayGrant(granter, kind, r));
}

export function isTopAdmin(roles: readonly MemberRole[], kind: OrganizationKind): boolean {
  return roles.includes(TOP_ROLE[kind]);
}
