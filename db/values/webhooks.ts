/** A webhook delivery waits (pending), is being sent (sending), arrived (delivered) or gave up (failed). */
export const WEBHOOK_DELIVERY_STATES = ["pending", "sending", "delivered", "failed"] as const;
export type WebhookDeliveryState = (typeof WEBHOOK_DELIVERY_STATES)[number];

/** Why an endpoint receives nothing: switched off by a person, answered 410 Gone, or failed for five days. */
export const WEBHOOK_DISABLED_REASONS = ["manual", "gone", "failing"] as const;
export type WebhookDisabledReason = (typeof WEBHOOK_DISABLED_REASONS)[number];
