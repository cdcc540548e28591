import { firstRow } from "@/db/query";
/*
 * The operators' side of enrollment: approving an application (the partner organization, its
 * first Account admin, its partner ID) or rejecting it, and telling the applicant.
 * Applying and withdrawing are in ./service.ts.
 */
import { and, eq } from "drizzle-orm";
import { memberships, organizations, partnerApplications, users } from "@/db/schema";
import { ensureDefaultGroups } from "@/lib/access/groups";
import type { Actor, Organization } from "@/lib/auth/membership";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/db/transaction";
import type { ServiceContext } from "@/lib/context";
import { defineOperation } from "@/lib/operations/define";
import { enqueueEmail } from "@/lib/email/outbox";
import { noticeEmail } from "@/lib/email/templates";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import type { Cloud } from "@/db/values/organizations";
import { approveApplicationSchema, rejectApplicationSchema, type ApproveApplicationInput, type RejectApplicationInput } from "./schemas";
import { normalizeEmail } from "@/lib/email/normalize";
import { domainTaken, waitingClaims } from "./claims";
import { decide, type Application } from "./service";

/**
 * The application an operator decides, never one of their own (separation of duties): not
 * one they made, nor one that names their own address. A partner manager who applies cannot
 * make themselves a partner's Account admin.
 */
async function getDecidableOrThrow(ctx: ServiceContext, actor: Actor, id: string): Promise<Application> {
  const app = await firstRow(ctx.db.select().from(partnerApplications).where(eq(partnerApplications.id, id)));
  if (!app) throw new DomainError("NOT_FOUND");
  if (isOwnApplication(app, actor)) throw new DomainError("OWN_APPLICATION");
  return app;
}

export function isOwnApplication(app: Pick<Application, "applicantUserId" | "applicantEmail">, actor: Actor): boolean {
  return app.applicantUserId === actor.userId || normalizeEmail(app.applicantEmail) === normalizeEmail(actor.email);
}

/**
 * The corporate tenant is made only when the operator confirms, on the approval itself, that
 * the company controls the domain (nobody proved it: the applicant's address is at the primary
 * domain), and only while no organization holds it and no other waiting application names it.
 */
async function checkCorporateDomain(ctx: ServiceContext, app: Application): Promise<void> {
  const domain = app.corporateDomain!;
  if ((await domainTaken(ctx.db, app.cloud, domain)) || (await waitingClaims(ctx.db, app.cloud, domain, app.id)).length)
    throw new DomainError("DOMAIN_TAKEN", { domain }, { corporateConfirmed: ["corporateDomainTaken"] });
}

async function partnerIdTaken(db: ServiceContext["db"] | Tx, cloud: Cloud, publicId: string): Promise<boolean> {
  return !!(await firstRow(
    db
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.cloud, cloud), eq(organizations.partnerPublicId, publicId))),
  ));
}

/** A fresh 7-digit partner ID, unique within the cloud. */
async function generatePartnerId(db: ServiceContext["db"] | Tx, cloud: Cloud): Promise<string> {
  for (;;) {
    const candidate = String(1_000_000 + Math.floor(Math.random() * 9_000_000));
    if (!(await partnerIdTaken(db, cloud, candidate))) return candidate;
  }
}

async function tellApplicant(
  ctx: ServiceContext,
  tx: Tx,
  app: Application,
  kind: "applicationApproved" | "applicationRejected",
  vars: Record<string, string>,
  url: string,
  now: Date,
) {
  const locale =
    (await firstRow(tx.select({ locale: users.locale }).from(users).where(eq(users.id, app.applicantUserId))))?.locale ?? app.locale;
  await enqueueEmail(
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
 * whose Global administrator is the applicant, when the operator confirms it (above);
 * otherwise the partner is made without it, and the log says so. One transaction; the
 * applicant is emailed.
 */
export const approveApplication = defineOperation({
  name: "application.approve",
  input: approveApplicationSchema,
  authorize: { operator: "operator.applications.decide" },
  async run(ctx, input: ApproveApplicationInput, operator) {
    const { tx, actor } = ctx;
    const app = await getDecidableOrThrow(ctx, actor, input.applicationId);
    if (app.state !== "pending") throw new DomainError("APPLICATION_DECIDED");
    if (await domainTaken(ctx.db, app.cloud, app.primaryDomain)) throw new DomainError("DOMAIN_TAKEN", { domain: app.primaryDomain });
    const withCorporate = !!app.corporateDomain && input.corporateConfirmed;
    if (withCorporate) await checkCorporateDomain(ctx, app);
    if (input.partnerPublicId && (await partnerIdTaken(ctx.db, app.cloud, input.partnerPublicId)))
      throw new DomainError("PARTNER_ID_TAKEN", { id: input.partnerPublicId }, { partnerPublicId: ["partnerIdTaken"] });
    const now = ctx.now();

    const partner: Organization = {
      id: newId("org"),
      kind: "partner",
      name: app.companyName,
      cloud: app.cloud,
      country: app.country,
      primaryDomain: app.primaryDomain,
      partnerType: app.partnerType,
      partnerPublicId: input.partnerPublicId ?? (await generatePartnerId(tx, app.cloud)),
      isCspTransactionTenant: input.cspTransactionTenant,
      partnerState: "active",
      corporateOfPartnerId: null,
      createdAt: now,
    };
    // The organization is written first so the application can name it; if another decision
    // won the application, the conditional update throws and the whole transaction rolls back.
    await tx.insert(organizations).values(partner);
    await decide(tx, app, { state: "approved", decidedAt: now, decidedByUserId: actor.userId, partnerId: partner.id });
    await tx
      .insert(memberships)
      .values({ id: newId("mem"), organizationId: partner.id, userId: app.applicantUserId, roles: ["account_admin"], createdAt: now });
    await ensureDefaultGroups(tx, partner.id, now);
    const details = {
      name: partner.name,
      domain: partner.primaryDomain,
      cloud: partner.cloud,
      partner: partner.partnerPublicId,
      email: app.applicantEmail,
      // Whether the operator confirmed the corporate domain (its tenant was made) or not.
      ...(app.corporateDomain ? { corporateDomain: app.corporateDomain, corporateTenant: withCorporate } : {}),
    };
    await recordAudit(tx, {
      organizationId: operator.organization.id,
      actor,
      action: "application.approved",
      targetType: "partner_application",
      targetId: app.id,
      details,
      at: now,
    });
    await recordAudit(tx, {
      organizationId: partner.id,
      actor,
      action: "partner.enrolled",
      targetType: "organization",
      targetId: partner.id,
      details,
      at: now,
    });
    let corporateId: string | null = null;
    if (withCorporate) {
      corporateId = newId("org");
      await tx.insert(organizations).values({
        id: corporateId,
        kind: "customer",
        name: partner.name,
        cloud: app.cloud,
        country: app.country,
        primaryDomain: app.corporateDomain!,
        partnerType: null,
        partnerPublicId: null,
        isCspTransactionTenant: false,
        partnerState: "active",
        corporateOfPartnerId: partner.id,
        createdAt: now,
      });
      await tx
        .insert(memberships)
        .values({ id: newId("mem"), organizationId: corporateId, userId: app.applicantUserId, roles: ["global_admin"], createdAt: now });
      await recordAudit(tx, {
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
    await tellApplicant(
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
});

/** An operator rejects with a reason the applicant reads in their email. */
export const rejectApplication = defineOperation({
  name: "application.reject",
  input: rejectApplicationSchema,
  authorize: { operator: "operator.applications.decide" },
  async run(ctx, input: RejectApplicationInput, operator) {
    const { tx, actor } = ctx;
    const app = await getDecidableOrThrow(ctx, actor, input.applicationId);
    const now = ctx.now();

    await decide(tx, app, { state: "rejected", decidedAt: now, decidedByUserId: actor.userId, rejectionReason: input.reason });
    await recordAudit(tx, {
      organizationId: operator.organization.id,
      actor,
      action: "application.rejected",
      targetType: "partner_application",
      targetId: app.id,
      details: { name: app.companyName, domain: app.primaryDomain, reason: input.reason.slice(0, 200) },
      at: now,
    });
    await tellApplicant(ctx, tx, app, "applicationRejected", { reason: input.reason }, `${ctx.config.publicBaseUrl}/enroll`, now);

    return app;
  },
});
