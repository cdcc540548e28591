/** An outbox email waits (pending), is being delivered (sending), went out (sent) or gave up (failed). */
export const OUTBOX_STATES = ["pending", "sending", "sent", "failed"] as const;
