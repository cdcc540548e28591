export const SUBSCRIPTION_STATES = ["active", "suspended", "cancelled"] as const;
export type SubscriptionState = (typeof SUBSCRIPTION_STATES)[number];

/** How the customer bought it. A partner of record exists only for "partner". */
export const PURCHASE_CHANNELS = ["partner", "direct", "enterprise_agreement"] as const;
export type PurchaseChannel = (typeof PURCHASE_CHANNELS)[number];
