/**
 * The PostgreSQL twin of db/schema/sqlite: the same tables, columns, indexes and foreign
 * keys, in PostgreSQL's types (timestamptz for times, jsonb, boolean, identity ids).
 * db/schema/schemas.test.ts holds the two equal; the comments that explain a table or an
 * index live in the SQLite file only.
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
