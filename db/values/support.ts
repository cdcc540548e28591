/** A support assignment is active until the customer or partner ends it. */
export const SUPPORT_ASSIGNMENT_STATES = ["active", "ended"] as const;
