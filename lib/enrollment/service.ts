import { changedRows, firstRow } from "@/db/query";
import { and, eq } from "drizzle-orm";
import { organizations, partnerApplications } from "@/db/schema";
import type { Actor } from "@/lib/auth/membership";
import { membersWith } from "@/lib/auth/recipients";
import { recordAudit } from "@/lib/audit/record";
import { transaction, type Tx } from "@/db/transaction";
import { CLOUD_RULES } from "@/lib/clouds";
import { within, type ServiceContext } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { operatorOrganization } from "@/lib/operator/bootstrap";
import type { Cloud } from "@/db/values/organizations";
import { consume, DAY, HOUR } from "@/lib/rate-limits/limiter";
import type { ApplyInput } from "./schemas";
import { enqueueNotices } from "@/lib/email/notices";

export type Application = typeof partnerApplications.$inferSelect;

/** The applicant's address is at the company's primary domain (or a subdomain of it): that is the domain check. */
export function emailIsAtDomain(email: string, domain: string): boolean {
  const at = email.slice(email.lastIndexOf("@") + 1);
  return at === domain || at.endsWith(`.${domain}`);
}

export async function domainTaken(db: ServiceContext["db"] | Tx, cloud: Cloud, domain: string): Promise<boolean> {
  return !!(await firstRow(
    db
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.cloud, cloud), eq(organizations.primaryDomain, domain))),
  ));
}

async function pendingFor(db: ServiceContext["db"] | Tx, cloud: Cloud, domain: string): Promise<boolean> {
  return !!(await firstRow(
    db
      .select({ id: partnerApplications.id })
      .from(partnerApplications)
      .where(
        and(eq(partnerApplications.cloud, cloud), eq(partnerApplications.primaryDomain, domain), eq(partnerApplications.state, "pending")),
      ),
  ));
}

/**
 * A signed-in person applies for their company to join the program in one cloud. Refused with
 * a reason beside the field: a cloud that takes no partners, an address not at the domain, a
 * domain already enrolled or already waiting, an agreement text that changed since it was read.
 * Counted per client address and per domain (like sign-in requests); the operators are emailed.
 */
export async function submitApplication(outer: ServiceContext, actor: Actor, input: ApplyInput & { clientIp: string }) {
  return transaction(outer.db, async (tx) => {
    const ctx = within(outer, tx);
    const operator = await operatorOrganization(ctx.db);
    const rules = CLOUD_RULES[input.cloud];
    if (!operator || !rules.newPartners) throw new DomainError("ENROLLMENT_CLOSED", {}, { cloud: ["enrollmentClosed"] });
    if (input.agreementVersion !== rules.partnerAgreement.version)
      throw new DomainError("AGREEMENT_CHANGED", {}, { agreement: ["agreementChanged"] });
    if (!emailIsAtDomain(actor.email, input.primaryDomain))
      throw new DomainError("DOMAIN_MISMATCH", { domain: input.primaryDomain }, { primaryDomain: ["domainMismatch"] });
    if (input.corporateDomain === input.primaryDomain)
      throw new DomainError("VALIDATION", {}, { corporateDomain: ["corporateSameDomain"] });
    const fieldErrors: Record<string, string[]> = {};
    if (await domainTaken(ctx.db, input.cloud, input.primaryDomain)) fieldErrors.primaryDomain = ["domainTaken"];
    if (input.corporateDomain && (await domainTaken(ctx.db, input.cloud, input.corporateDomain)))
      fieldErrors.corporateDomain = ["domainTaken"];
    if (Object.keys(fieldErrors).length) throw new DomainError("DOMAIN_TAKEN", { domain: input.primaryDomain }, fieldErrors);
    if (await pendingFor(ctx.db, input.cloud, input.primaryDomain))
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

    await consume(tx, { key: `enroll-ip:${input.clientIp}`, limit: ctx.config.enrollmentsPerIpPerHour ?? 5, windowMs: HOUR, now });
    await consume(tx, {
      key: `enroll-domain:${input.cloud}:${input.primaryDomain}`,
      limit: ctx.config.enrollmentsPerDomainPerDay ?? 3,
      windowMs: DAY,
      now,
    });
    await tx.insert(partnerApplications).values(application);
    await recordAudit(tx, {
      organizationId: operator.id,
      actor,
      action: "application.submitted",
      targetType: "partner_application",
      targetId: application.id,
      details: { name: input.companyName, domain: input.primaryDomain, cloud: input.cloud },
      at: now,
    });
    await enqueueNotices(tx, await membersWith(tx, [operator.id], "operator.applications.decide"), {
      kind: "applicationReceived",
      outboxKind: "application.received",
      key: `application.${application.id}.received`,
      vars: { company: input.companyName, domain: input.primaryDomain },
      url: `${ctx.config.publicBaseUrl}/operator/applications/${application.id}`,
      relatedId: application.id,
      now,
    });

    return application;
  });
}

/** The applicant takes back an application no operator has decided yet. */
export async function withdrawApplication(outer: ServiceContext, actor: Actor, applicationId: string) {
  return transaction(outer.db, async (tx) => {
    const ctx = within(outer, tx);
    const app = await firstRow(
      ctx.db
        .select()
        .from(partnerApplications)
        .where(and(eq(partnerApplications.id, applicationId), eq(partnerApplications.applicantUserId, actor.userId))),
    );
    if (!app) throw new DomainError("NOT_FOUND");
    const operator = await operatorOrganization(ctx.db);
    const now = ctx.now();

    await decide(tx, app, { state: "withdrawn", decidedAt: now, decidedByUserId: actor.userId });
    if (operator)
      await recordAudit(tx, {
        organizationId: operator.id,
        actor,
        action: "application.withdrawn",
        targetType: "partner_application",
        targetId: app.id,
        details: { name: app.companyName, domain: app.primaryDomain },
        at: now,
      });

    return app;
  });
}

/** Closes a pending application with one conditional update: two operators deciding at once cannot both win. */
export async function decide(tx: Tx, app: Application, changes: Partial<Application>) {
  const changed = changedRows(
    await tx
      .update(partnerApplications)
      .set(changes)
      .where(and(eq(partnerApplications.id, app.id), eq(partnerApplications.state, "pending"))),
  );
  if (changed !== 1) throw new DomainError("APPLICATION_DECIDED");
}
