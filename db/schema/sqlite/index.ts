/**
 * The schema on SQLite, the embedded default. Every change is made here and in its twin,
 * db/schema/postgres, with a migration for each (`npm run db:generate`).
 */
export * from "./auth";
export * from "./organizations";
export * from "./memberships";
export * from "./invitations";
export * from "./relationships";
export * from "./enrollment";
export * from "./subscriptions";
export * from "./audit";
export * from "./outbox";
export * from "./admin-relationships";
export * from "./access";
export * from "./member-invitations";
export * from "./partnerships";
export * from "./support";
export * from "./rate-limits";
export * from "./jobs";
export * from "./api-keys";
export * from "./webhooks";
export * from "./idempotency";
export * from "./templates";
