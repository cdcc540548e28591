/**
 * Errors whose code may reach the user (as a translated message, `errors.<code>` in the
 * catalogs). Anything else thrown is unexpected: it is logged and shown generically.
 */
export const ERROR_CODES = [
  "UNAUTHENTICATED",
  "NOT_FOUND",
  "FORBIDDEN",
  "VALIDATION",
  "INVITATION_INVALID",
  "INVITATION_EXPIRED",
  "INVITATION_USED",
  "INVITATION_REVOKED",
  "INVITATION_NOT_OPEN",
  "WRONG_ACCOUNT",
  "CLOUD_MISMATCH",
  "CSP_TRANSACTION_TENANT",
  "NOT_A_CUSTOMER_TENANT",
  "SELF_INVITE",
  "ALREADY_RELATED",
  "DOMAIN_TAKEN",
  "NEW_CUSTOMERS_CLOSED",
  "INVALID_TRANSITION",
  "ADMIN_RELATIONSHIPS_UNAVAILABLE",
  "NAME_TAKEN",
  "AUTO_EXTEND_GLOBAL_ADMIN",
  "ALREADY_MEMBER",
  "LAST_ADMIN",
  "REMOVAL_BLOCKED",
  "RESELLER_CANNOT_REMOVE",
  "NOT_A_PROVIDER",
  "NOT_A_RESELLER",
  "PARTNER_ID_UNKNOWN",
  "PARTNERSHIP_EXISTS",
  "PARTNERSHIP_PENDING",
  "PARTNERSHIP_NOT_ACTIVE",
  "PROVIDER_REQUIRED",
  "PROVIDER_UNAVAILABLE",
  "SUPPORT_NEEDS_ADMIN_RELATIONSHIP",
  "SUPPORT_PARTNER_OF_RECORD",
  "SUBSCRIPTION_NOT_ACTIVE",
  "SUPPORT_ENDED",
  "RATE_LIMITED",
  "PARTNER_SUSPENDED",
  "PARTNER_OFFBOARDED",
  "PARTNER_STATE",
  "ENROLLMENT_CLOSED",
  "APPLICATION_PENDING",
  "APPLICATION_DECIDED",
  "OWN_APPLICATION",
  "DOMAIN_MISMATCH",
  "AGREEMENT_CHANGED",
  "PARTNER_ID_TAKEN",
  "PRODUCT_TAKEN",
  "PRODUCT_IN_USE",
  "PRODUCT_UNAVAILABLE",
  "NOT_SUPPORTABLE",
  "SUBSCRIPTION_STATE",
  "NOT_PARTNER_OF_RECORD",
  "CANNOT_GRANT",
  "OWN_ROLES",
  "GROUP_NEEDS_TOP_ADMIN",
  "RELATIONSHIP_ENDED",
  "REAUTH_REQUIRED",
  "KEY_REVOKED",
  "KEY_INVALID",
  "KEY_EXPIRED",
  "KEY_MAKER_LEFT",
  "WEBHOOK_DISABLED",
  "WEBHOOK_ON_ITS_WAY",
  "IDEMPOTENCY_KEY_REUSED",
  "IDEMPOTENCY_IN_PROGRESS",
  "PRECONDITION_FAILED",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string> = {},
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(code);
    this.name = "DomainError";
  }
}

export function isDomainError(e: unknown, code?: ErrorCode): e is DomainError {
  return e instanceof DomainError && (code === undefined || e.code === code);
}
