export const SUBSCRIPTION_STATES = ["active", "suspended", "cancelled"] as const;
export type SubscriptionState = (typeof SUBSCRIPTION_STATES)[number];

/** How the customer bought it. A partner of record exists only for "partner". */
export const PURCHASE_CHANNELS = ["partner", "direct", "enterprise_agreement"] as const;
export type PurchaseChannel = (typeof PURCHASE_CHANNELS)[number];

/** What a customer records itself: bought outside the program (rule 6). */
export const OUTSIDE_CHANNELS = ["direct", "enterprise_agreement"] as const;
export type OutsideChannel = (typeof OUTSIDE_CHANNELS)[number];

/** Commitment terms a partner sells, in months. */
export const TERMS = ["P1M", "P1Y", "P3Y"] as const;
export type Term = (typeof TERMS)[number];
export const TERM_MONTHS: Record<Term, number> = { P1M: 1, P1Y: 12, P3Y: 36 };

export const MAX_SEATS = 100_000;
