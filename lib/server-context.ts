import "server-only";
import { systemClock } from "./clock";
import type { ServiceContext } from "./context";
import { db } from "./db";
import { env } from "./env";

export function serviceContext(): ServiceContext {
  const e = env();
  return {
    db: db(),
    now: systemClock,
    config: {
      invitationTtlDays: e.INVITATION_TTL_DAYS,
      publicBaseUrl: e.PUBLIC_BASE_URL,
      invitationsPerPartnerPerDay: e.INVITATIONS_PER_PARTNER_PER_DAY,
      enrollmentsPerIpPerHour: e.ENROLLMENTS_PER_IP_PER_HOUR,
      enrollmentsPerDomainPerDay: e.ENROLLMENTS_PER_DOMAIN_PER_DAY,
      teamInvitationsPerOrgPerDay: e.TEAM_INVITATIONS_PER_ORG_PER_DAY,
      partnershipInvitationsPerOrgPerDay: e.PARTNERSHIP_INVITATIONS_PER_ORG_PER_DAY,
      webhookAllowedHosts: e.WEBHOOK_ALLOWED_HOSTS,
    },
  };
}
