import type { DirectoryRoleId } from "./directory-roles";

/** Stored lifecycle states of a granular delegated admin relationship, as the program names them. */
export const ADMIN_RELATIONSHIP_STATES = [
  "created",
  "approvalPending",
  "active",
  "expiring",
  "expired",
  "terminationRequested",
  "terminated",
  "rejected",
  "lapsed",
] as const;
export type AdminRelationshipState = (typeof ADMIN_RELATIONSHIP_STATES)[number];

/** What a request for admin roles asks (stored with an invitation that carries one); lib/admin-relationships/schemas.ts parses it. */
export type AdminRequest = { name: string; durationDays: number; roles: DirectoryRoleId[]; autoExtend: boolean };
