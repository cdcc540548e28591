import type { Db } from "@/db/client";
import type { Tx } from "@/db/transaction";
import type { Clock } from "./clock";

/**
 * What a service needs from the outside world, passed in so services run the same under
 * Next, in scripts and in unit tests (with a moved clock and an in-memory database).
 */
export type ServiceContext = {
  db: Db;
  now: Clock;
  config: {
    invitationTtlDays: number;
    publicBaseUrl: string;
    invitationsPerPartnerPerDay?: number;
    enrollmentsPerIpPerHour?: number;
    enrollmentsPerDomainPerDay?: number;
    teamInvitationsPerOrgPerDay?: number;
    partnershipInvitationsPerOrgPerDay?: number;
  };
};

/**
 * The context a service's work runs with inside its transaction: every read goes through
 * the transaction, so what the service checks is what its write will see, and on
 * PostgreSQL it is read again when the transaction is retried.
 */
export function within(ctx: ServiceContext, tx: Tx): ServiceContext {
  return { ...ctx, db: tx };
}
