import { and, eq } from "drizzle-orm";
import { memberships, organizations, partnerApplications, users } from "@/db/schema";
import { ensureDefaultGroups } from "@/lib/access/groups";
import { requirePermission, type Actor, type Organization } from "@/lib/auth/membership";
import { membersWith } from "@/lib/auth/recipients";
import { recordAudit, type Tx } from "@/lib/audit/record";
import { CLOUD_RULES } from "@/lib/clouds";
import type { ServiceContext } from "@/lib/context";
import { enqueueEmail } from "@/lib/email/outbox";
import { noticeEmail } from "@/lib/email/templates";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { operatorOrganization } from "@/lib/operator/bootstrap";
import type { Cloud } from "@/lib/organizations/kinds";
import { consume, DAY, HOUR } from "@/lib/rate-limits/limiter";
import type { ApplyInput, ApproveApplicationInput, RejectApplicationInput } from "./schemas";
import { enqueueNotices } from "@/lib/email/notices";

type Application = typeof partnerApplications.$inferSelect;

/** The applicant's address is at the company's primary domain (or a subdomain of it): that is the domain check. */
export function emailIsAtDomain(email: string, domain: string): boolean {
  const at = email.slice(email.lastIndexOf("@") + 1);
  return at === domain || at.endsWith(`.${domain}`);
}

function domainTaken(db: ServiceContext["db"] | Tx, cloud: Cloud, domain: string): boolean {
  return !!db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.cloud, cloud), eq(organizations.primaryDomain, domain)))
    .get();
}

function pendingFor(db: ServiceContext["db"] | Tx, cloud: Cloud, domain: string): boolean {
  return !!db
    .select({ id: partnerApplications.id })
    .from(partnerApplications)
    .where(
      and(eq(partnerApplications.cloud, cloud), eq(partnerApplications.primaryDomain, domain), eq(partnerApplications.state, "pending")),
    )
    .get();
}

/**
 * A signed-in person applies for their company to join the program in one cloud. Refused with
 * a reason beside the field: a cloud that takes no partners, an address not at the domain, a
 * domain already enrolled or already waiting, an agreement text that changed since it was read.
 * Counted per client address and per domain (like sign-in requests); the operators are emailed.
 */
export function submitApplication(ctx: ServiceContext, actor: Actor, input: ApplyInput & { clientIp: string }) {
  const operator = operatorOrganization(ctx.db);
  const rules = CLOUD_RULES[input.cloud];
  if (!operator || !rules.newPartners) throw new DomainError("ENROLLMENT_CLOSED", {}, { cloud: ["enrollmentClosed"] });
  if (input.agreementVersion !== rules.partnerAgreement.version)
    throw new DomainError("AGREEMENT_CHANGED", {}, { agreement: ["agreementChanged"] });
  if (!emailIsAtDomain(actor.email, input.primaryDomain))
    throw new DomainError("DOMAIN_MISMATCH", { domain: input.primaryDomain }, { primaryDomain: ["domainMismatch"] });
  if (input.corporateDomain === input.primaryDomain) throw new DomainError("VALIDATION", {}, { corporateDomain: ["corporateSameDomain"] });
  const fieldErrors: Record<string, string[]> = {};
  if (domainTaken(ctx.db, input.cloud, input.primaryDomain)) fieldErrors.primaryDomain = ["domainTaken"];
  if (input.corporateDomain && domainTaken(ctx.db, input.cloud, input.corporateDomain)) fieldErrors.corporateDomain = ["domainTaken"];
  if (Object.keys(fieldErrors).length) throw new DomainError("DOMAIN_TAKEN", { domain: input.primaryDomain }, fieldErrors);
  if (pendingFor(ctx.db, input.cloud, input.primaryDomain))
    throw new DomainError("APPLICATION_PENDING", { domain: input.primaryDomain }, { primaryDomain: ["applicationPending"] });

  const now = ctx.now();
  const application: Application = {
    id: newId("app"),
    applicantUserId: actor.userId,
    applicantEmail: actor.email,
    companyName: input.companyName,
    primaryDomain: input.primaryDomain,
    country: input.country,
    cloud: input.cloud,
    partnerType: input.partnerType,
    corporateDomain: input.corporateDomain ?? null,
    agreementVersion: input.agreementVersion,
    locale: input.locale,
    state: "pending",
    createdAt: now,
    decidedAt: null,
    decidedByUserId: null,
    rejectionReason: null,
    partnerId: null,
  };
  ctx.db.transaction(
    (tx) => {
      consume(tx, { key: `enroll-ip:${input.clientIp}`, limit: ctx.config.enrollmentsPerIpPerHour ?? 5, windowMs: HOUR, now });
      consume(tx, {
        key: `enroll-domain:${input.cloud}:${input.primaryDomain}`,
        limit: ctx.config.enrollmentsPerDomainPerDay ?? 3,
        windowMs: DAY,
        now,
      });
      tx.insert(partnerApplications).values(application).run();
      recordAudit(tx, {
        organizationId: operator.id,
        actor,
        action: "application.submitted",
        targetType: "partner_application",
        targetId: application.id,
        details: { name: input.companyName, domain: input.primaryDomain, cloud: input.cloud },
        at: now,
      });
      enqueueNotices(tx, membersWith(tx, [operator.id], "operator.applications.decide"), {
        kind: "applicationReceived",
        outboxKind: "application.received",
        key: `application.${application.id}.received`,
        vars: { company: input.companyName, domain: input.primaryDomain },
        url: `${ctx.config.publicBaseUrl}/operator/applications/${application.id}`,
        relatedId: application.id,
        now,
      });
    },
    { behavior: "immediate" },
  );
  return application;
}

/** The applicant takes back an application no operator has decided yet. */
export function withdrawApplication(ctx: ServiceContext, actor: Actor, applicationId: string) {
  const app = ctx.db
    .select()
    .from(partnerApplications)
    .where(and(eq(partnerApplications.id, applicationId), eq(partnerApplications.applicantUserId, actor.userId)))
    .get();
  if (!app) throw new DomainError("NOT_FOUND");
  const operator = operatorOrganization(ctx.db);
  const now = ctx.now();
  ctx.db.transaction(
    (tx) => {
      decide(tx, app, { state: "withdrawn", decidedAt: now, decidedByUserId: actor.userId });
      if (operator)
        recordAudit(tx, {
          organizationId: operator.id,
          actor,
          action: "application.withdrawn",
          targetType: "partner_application",
          targetId: app.id,
          details: { name: app.companyName, domain: app.primaryDomain },
          at: now,
        });
    },
    { behavior: "immediate" },
  );
  return app;
}

/** Closes a pending application with one conditional update: two operators deciding at once cannot both win. */
function decide(tx: Tx, app: Application, changes: Partial<Application>) {
  const changed = tx
    .update(partnerApplications)
    .set(changes)
    .where(and(eq(partnerApplications.id, app.id), eq(partnerApplications.state, "pending")))
    .run().changes;
  if (changed !== 1) throw new DomainError("APPLICATION_DECIDED");
}

function requireDecider(ctx: ServiceContext, actor: Actor) {
  const operator = operatorOrganization(ctx.db);
  if (!operator) throw new DomainError("NOT_FOUND");
  return requirePermission(ctx.db, actor, operator.id, "operator.applications.decide");
}

function getApplicationOrThrow(ctx: ServiceContext, id: string): Application {
  const app = ctx.db.select().from(partnerApplications).where(eq(partnerApplications.id, id)).get();
  if (!app) throw new DomainError("NOT_FOUND");
  return app;
}

function partnerIdTaken(db: ServiceContext["db"] | Tx, cloud: Cloud, publicId: string): boolean {
  return !!db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.cloud, cloud), eq(organizations.partnerPublicId, publicId)))
    .get();
}

/** A fresh 7-digit partner ID, unique within the cloud. */
function generatePartnerId(db: ServiceContext["db"] | Tx, cloud: Cloud): string {
  for (;;) {
    const candidate = String(1_000_000 + Math.floor(Math.random() * 9_000_000));
    if (!partnerIdTaken(db, cloud, candidate)) return candidate;
  }
}

function tellApplicant(
  ctx: ServiceContext,
  tx: Tx,
  app: Application,
  kind: "applicationApproved" | "applicationRejected",
  vars: Record<string, string>,
  url: string,
  now: Date,
) {
  const locale = tx.select({ locale: users.locale }).from(users).where(eq(users.id, app.applicantUserId)).get()?.locale ?? app.locale;
  enqueueEmail(
    tx,
    {
      idempotencyKey: `application.${app.id}.${kind}`,
      kind: `application.${kind === "applicationApproved" ? "approved" : "rejected"}`,
      to: app.applicantEmail,
      organizationId: null,
      relatedId: app.id,
      ...noticeEmail({ locale, kind, vars: { company: app.companyName, ...vars }, url }),
    },
    now,
  );
}

/**
 * An operator approves: the partner organization comes into being with the applicant as its
 * Account admin, the standard security groups, the public partner ID (given, unique within
 * the cloud, or generated) and whether it is a CSP transaction tenant. A separate corporate
 * domain becomes the partner's non-CSP corporate tenant (rule 4), a customer organization
 * whose Global administrator is the applicant. One transaction; the applicant is emailed.
 */
export function approveApplication(ctx: ServiceContext, actor: Actor, input: ApproveApplicationInput) {
  const operator = requireDecider(ctx, actor);
  const app = getApplicationOrThrow(ctx, input.applicationId);
  if (app.state !== "pending") throw new DomainError("APPLICATION_DECIDED");
  if (domainTaken(ctx.db, app.cloud, app.primaryDomain)) throw new DomainError("DOMAIN_TAKEN", { domain: app.primaryDomain });
  if (input.partnerPublicId && partnerIdTaken(ctx.db, app.cloud, input.partnerPublicId))
    throw new DomainError("PARTNER_ID_TAKEN", { id: input.partnerPublicId }, { partnerPublicId: ["partnerIdTaken"] });
  const now = ctx.now();
  return ctx.db.transaction(
    (tx) => {
      const partner: Organization = {
        id: newId("org"),
        kind: "partner",
        name: app.companyName,
        cloud: app.cloud,
        country: app.country,
        primaryDomain: app.primaryDomain,
        partnerType: app.partnerType,
        partnerPublicId: input.partnerPublicId ?? generatePartnerId(tx, app.cloud),
        isCspTransactionTenant: input.cspTransactionTenant,
        partnerState: "active",
        corporateOfPartnerId: null,
        createdAt: now,
      };
      // The organization is written first so the application can name it; if another decision
      // won the application, the conditional update throws and the whole transaction rolls back.
      tx.insert(organizations).values(partner).run();
      decide(tx, app, { state: "approved", decidedAt: now, decidedByUserId: actor.userId, partnerId: partner.id });
      tx.insert(memberships)
        .values({ id: newId("mem"), organizationId: partner.id, userId: app.applicantUserId, roles: ["account_admin"], createdAt: now })
        .run();
      ensureDefaultGroups(tx, partner.id, now);
      const details = {
        name: partner.name,
        domain: partner.primaryDomain,
        cloud: partner.cloud,
        partner: partner.partnerPublicId,
        email: app.applicantEmail,
      };
      recordAudit(tx, {
        organizationId: operator.organization.id,
        actor,
        action: "application.approved",
        targetType: "partner_application",
        targetId: app.id,
        details,
        at: now,
      });
      recordAudit(tx, {
        organizationId: partner.id,
        actor,
        action: "partner.enrolled",
        targetType: "organization",
        targetId: partner.id,
        details,
        at: now,
      });
      let corporateId: string | null = null;
      if (app.corporateDomain && !domainTaken(tx, app.cloud, app.corporateDomain)) {
        corporateId = newId("org");
        tx.insert(organizations)
          .values({
            id: corporateId,
            kind: "customer",
            name: partner.name,
            cloud: app.cloud,
            country: app.country,
            primaryDomain: app.corporateDomain,
            partnerType: null,
            partnerPublicId: null,
            isCspTransactionTenant: false,
            partnerState: "active",
            corporateOfPartnerId: partner.id,
            createdAt: now,
          })
          .run();
        tx.insert(memberships)
          .values({ id: newId("mem"), organizationId: corporateId, userId: app.applicantUserId, roles: ["global_admin"], createdAt: now })
          .run();
        recordAudit(tx, {
          organizationId: corporateId,
          customerId: corporateId,
          actor,
          action: "customer.created",
          targetType: "organization",
          targetId: corporateId,
          details: { name: partner.name, domain: app.corporateDomain },
          at: now,
        });
      }
      tellApplicant(
        ctx,
        tx,
        app,
        "applicationApproved",
        { id: partner.partnerPublicId ?? "" },
        `${ctx.config.publicBaseUrl}/partner/${partner.id}/customers`,
        now,
      );
      return { partner, corporateId };
    },
    { behavior: "immediate" },
  );
}

/** An operator rejects with a reason the applicant reads in their email. */
export function rejectApplication(ctx: ServiceContext, actor: Actor, input: RejectApplicationInput) {
  const operator = requireDecider(ctx, actor);
  const app = getApplicationOrThrow(ctx, input.applicationId);
  const now = ctx.now();
  ctx.db.transaction(
    (tx) => {
      decide(tx, app, { state: "rejected", decidedAt: now, decidedByUserId: actor.userId, rejectionReason: input.reason });
      recordAudit(tx, {
        organizationId: operator.organization.id,
        actor,
        action: "application.rejected",
        targetType: "partner_application",
        targetId: app.id,
        details: { name: app.companyName, domain: app.primaryDomain, reason: input.reason.slice(0, 200) },
        at: now,
      });
      tellApplicant(ctx, tx, app, "applicationRejected", { reason: input.reason }, `${ctx.config.publicBaseUrl}/enroll`, now);
    },
    { behavior: "immediate" },
  );
  return app;
}
