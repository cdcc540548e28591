import { ENGINE } from "../engine";
import * as postgres from "./postgres";
import * as sqlite from "./sqlite";

/**
 * The tables shared code reads and writes, on this process's engine. Shared code is typed
 * against the SQLite tables; the PostgreSQL twins give the same TypeScript values (Dates,
 * booleans, JSON), which db/schema/schemas.test.ts checks column by column. What only one
 * engine understands stays in the dialect's own files (`holdsGlobalAdministrator`).
 */
const tables = (ENGINE === "postgres" ? postgres : sqlite) as unknown as typeof sqlite;

export const {
  accessAssignments,
  accounts,
  apiIdempotencyKeys,
  apiKeys,
  adminRelationships,
  adminTemplates,
  adminTemplateVersions,
  auditEvents,
  emailOutbox,
  holdsGlobalAdministrator,
  invitations,
  jobLeases,
  memberInvitations,
  memberships,
  organizations,
  partnerApplications,
  partnerships,
  products,
  rateLimits,
  resellerRelationships,
  securityGroupMembers,
  securityGroups,
  sessions,
  subscriptions,
  supportActions,
  supportAssignments,
  users,
  verificationTokens,
  webhookDeliveries,
  webhookEndpoints,
} = tables;
