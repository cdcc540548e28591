import type { Db } from "@/db/client";
import type { Clock } from "./clock";

/**
 * What a service needs from the outside world, passed in so services run the same under
 * Next, in scripts and in unit tests (with a moved clock and an in-memory database).
 */
export type ServiceContext = {
  db: Db;
  now: Clock;
  /** The caller's network address, where a limit counts per client (set by the adapter that took the request). */
  clientIp?: string;
  config: {
    invitationTtlDays: number;
    publicBaseUrl: string;
    invitationsPerPartnerPerDay?: number;
    enrollmentsPerIpPerHour?: number;
    enrollmentsPerDomainPerDay?: number;
    teamInvitationsPerOrgPerDay?: number;
    partnershipInvitationsPerOrgPerDay?: number;
    /** Host names webhooks may reach on private addresses (the tests' and the demo's receivers). */
    webhookAllowedHosts?: readonly string[];
  };
};
