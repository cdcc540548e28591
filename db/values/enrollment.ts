/** A partner enrollment application: waiting for an operator, then approved or rejected (or withdrawn by its applicant). */
export const APPLICATION_STATES = ["pending", "approved", "rejected", "withdrawn"] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];
