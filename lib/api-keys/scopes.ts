import { memberMay, type Member } from "@/lib/auth/membership";
import type { PartnerPermission } from "@/lib/auth/permissions";
import { KEY_SCOPES } from "./schemas";

/** What the member may give a key: the scopes they hold themselves. */
export function grantableScopes(member: Member): PartnerPermission[] {
  return KEY_SCOPES.filter((p) => memberMay(member, p));
}
