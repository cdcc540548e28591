import type { DirectoryRoleId } from "./directory-roles";

/** A template's group mappings: which security group receives which of its roles. */
export type GroupRoles = { groupId: string; roles: DirectoryRoleId[] }[];
