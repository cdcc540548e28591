export * from "./auth";
export * from "./organizations";
export * from "./memberships";
export * from "./invitations";
export * from "./relationships";
export * from "./subscriptions";
export * from "./audit";
export * from "./outbox";
