/** An access assignment waits for its relationship (pending), is in force (active), or was removed (deleted). */
export const ACCESS_ASSIGNMENT_STATES = ["pending", "active", "deleted"] as const;
