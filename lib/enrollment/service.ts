import { changedRows, firstRow } from "@/db/query";
import { and, eq } from "drizzle-orm";
import { partnerApplications } from "@/db/schema";
import type { Actor } from "@/lib/auth/membership";
import { membersWith } from "@/lib/auth/recipients";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/db/transaction";
import { CLOUD_RULES } from "@/lib/clouds";
import type { ServiceContext } from "@/lib/context";
import { defineOperation } from "@/lib/operations/define";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { operatorOrganization } from "@/lib/operator/bootstrap";
import { clientKey, domainKey } from "@/lib/rate-limits/keys";
import { consumeAlone, DAY, HOUR } from "@/lib/rate-limits/limiter";
import { addressProvesDomain, isOwnableDomain } from "@/lib/validation/domains";
import { domainTaken, pendingFor } from "./claims";
import { applicationRefSchema, applySchema, type ApplyInput } from "./schemas";
import { enqueueNotices } from "@/lib/email/notices";

export type Application = typeof partnerApplications.$inferSelect;

/**
 * What may be refused before anything is looked up, and each attempt counted first. The
 * counters commit whatever the answer (consumeAlone), so refused attempts count as the
 * sign-in and link limits do: per client (hourly), then, once the address has proved the
 * domain, per registrable primary domain (daily). An outsider naming another company's
 * domain is refused before that company's allowance is touched.
 */
async function admit(ctx: ServiceContext & { actor: Actor }, input: ApplyInput) {
  const { actor } = ctx;
  const now = ctx.now();
  await consumeAlone(ctx.db, {
    key: clientKey("enroll-ip", ctx.clientIp ?? "unknown"),
    limit: ctx.config.enrollmentsPerIpPerHour ?? 5,
    windowMs: HOUR,
    now,
  });
  const rules = CLOUD_RULES[input.cloud];
  if (!rules.newPartners) throw new DomainError("ENROLLMENT_CLOSED", {}, { cloud: ["enrollmentClosed"] });
  if (input.agreementVersion !== rules.partnerAgreement.version)
    throw new DomainError("AGREEMENT_CHANGED", {}, { agreement: ["agreementChanged"] });
  const fieldErrors: Record<string, string[]> = {};
  if (!isOwnableDomain(input.primaryDomain)) fieldErrors.primaryDomain = ["domainPublicSuffix"];
  if (input.corporateDomain && !isOwnableDomain(input.corporateDomain)) fieldErrors.corporateDomain = ["domainPublicSuffix"];
  if (Object.keys(fieldErrors).length) throw new DomainError("VALIDATION", {}, fieldErrors);
  if (!addressProvesDomain(actor.email, input.primaryDomain))
    throw new DomainError("DOMAIN_MISMATCH", { domain: input.primaryDomain }, { primaryDomain: ["domainMismatch"] });
  if (input.corporateDomain === input.primaryDomain) throw new DomainError("VALIDATION", {}, { corporateDomain: ["corporateSameDomain"] });
  await consumeAlone(ctx.db, {
    key: domainKey(`enroll-domain:${input.cloud}`, input.primaryDomain),
    limit: ctx.config.enrollmentsPerDomainPerDay ?? 3,
    windowMs: DAY,
    now,
  });
}

/**
 * A signed-in person applies for their company to join the program in one cloud. Refused with
 * a reason beside the field: a cloud that takes no partners, an agreement text that changed
 * since it was read, a domain that is a public suffix, an address that does not prove the
 * primary domain (lib/validation/domains.ts), a primary domain already enrolled or already
 * waiting (the applicant proved an address there: it is their company's to know).
 *
 * The corporate domain is a claim nobody has proved: it is never looked up here, so the answer
 * is the same whether another company holds it or not (no oracle of who exists), and it gives
 * nothing until an operator confirms it when approving (./decisions.ts), which they cannot do
 * while an organization or another waiting application holds it. The operators are emailed.
 */
export const submitApplication = defineOperation({
  name: "application.submit",
  input: applySchema,
  authorize: { person: true },
  admit,
  async run(ctx, input: ApplyInput) {
    const { tx, actor } = ctx;
    const operator = await operatorOrganization(ctx.db);
    if (!operator) throw new DomainError("ENROLLMENT_CLOSED", {}, { cloud: ["enrollmentClosed"] });
    if (await domainTaken(ctx.db, input.cloud, input.primaryDomain))
      throw new DomainError("DOMAIN_TAKEN", { domain: input.primaryDomain }, { primaryDomain: ["domainTaken"] });
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
  },
});

/** The applicant takes back an application no operator has decided yet. */
export const withdrawApplication = defineOperation({
  name: "application.withdraw",
  input: applicationRefSchema,
  authorize: { person: true },
  async run(ctx, { applicationId }) {
    const { tx, actor } = ctx;
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
  },
});

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
