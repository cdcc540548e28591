import { firstRow } from "@/db/query";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { emailOutbox, memberships, organizations, securityGroups } from "@/db/schema";
import type { Actor } from "@/lib/auth/membership";
import { getMember } from "@/lib/auth/membership";
import { CLOUD_RULES } from "@/lib/clouds";
import { addOperatorMember, addPartner, addUser, codeOf, count, testContext } from "@/lib/testing/fixtures";
import { applicationForm as form, apply } from "@/lib/testing/enrollment";
import { approveApplication, rejectApplication } from "./decisions";
import { withdrawApplication } from "./service";
import { execute } from "@/lib/operations/execute";

let t: Awaited<ReturnType<typeof testContext>>;
let operator: Actor;
let applicant: Actor;

beforeEach(async () => {
  t = await testContext();
  operator = await addOperatorMember(t.ctx.db, "ops@program.example");
  applicant = await addUser(t.ctx.db, "ceo@tailwind.example");
});

describe("enrolling as a partner", () => {
  it("an application waits for an operator, who is emailed", async () => {
    const app = await apply(t.ctx, applicant, form());
    expect(app.state).toBe("pending");
    const mail = await t.ctx.db.select().from(emailOutbox);
    expect(mail.map((m) => [m.kind, m.toAddress])).toEqual([["application.received", "ops@program.example"]]);
  });

  it("refuses, beside the field: an address not at the domain, a closed cloud, a taken domain, one already waiting, a changed agreement", async () => {
    // Every attempt counts against the client's allowance, refused ones too; this test is about the answers.
    t.ctx.config.enrollmentsPerIpPerHour = 100;
    expect(await codeOf(async () => await apply(t.ctx, applicant, form({ primaryDomain: "other.example" })))).toBe("DOMAIN_MISMATCH");
    // A subdomain of the company's domain is the company's.
    expect(await codeOf(async () => await apply(t.ctx, await addUser(t.ctx.db, "it@de.tailwind.example"), form()))).toBe("no error");
    expect(await codeOf(async () => await apply(t.ctx, applicant, form()))).toBe("APPLICATION_PENDING");
    expect(
      await codeOf(
        async () =>
          await apply(t.ctx, applicant, form({ cloud: "germany", agreementVersion: CLOUD_RULES.germany.partnerAgreement.version })),
      ),
    ).toBe("ENROLLMENT_CLOSED");
    expect(
      await codeOf(
        async () => await apply(t.ctx, applicant, form({ cloud: "china", agreementVersion: CLOUD_RULES.global.partnerAgreement.version })),
      ),
    ).toBe("AGREEMENT_CHANGED");
    await addPartner(t.ctx.db, { name: "Taken", domain: "taken.example" });
    expect(
      await codeOf(async () => await apply(t.ctx, await addUser(t.ctx.db, "a@taken.example"), form({ primaryDomain: "taken.example" }))),
    ).toBe("DOMAIN_TAKEN");
    expect(
      await codeOf(
        async () =>
          await apply(
            t.ctx,
            await addUser(t.ctx.db, "b@fresh2.example"),
            form({ primaryDomain: "fresh2.example", corporateDomain: "fresh2.example" }),
          ),
      ),
    ).toBe("VALIDATION");
    // The same domain in another cloud is another company's business (rule 7).
    expect(
      await codeOf(
        async () =>
          await apply(
            t.ctx,
            await addUser(t.ctx.db, "x@taken.example"),
            form({ primaryDomain: "taken.example", cloud: "china", agreementVersion: CLOUD_RULES.china.partnerAgreement.version }),
          ),
      ),
    ).toBe("no error");
  });

  it("is limited per client address and per domain, like sign-in requests", async () => {
    t.ctx.config.enrollmentsPerIpPerHour = 2;
    for (const d of ["a1", "a2"]) await apply(t.ctx, await addUser(t.ctx.db, `x@${d}.example`), form({ primaryDomain: `${d}.example` }));
    expect(
      await codeOf(async () => await apply(t.ctx, await addUser(t.ctx.db, "x@a3.example"), form({ primaryDomain: "a3.example" }))),
    ).toBe("RATE_LIMITED");
    expect(
      await codeOf(
        async () =>
          await apply(t.ctx, await addUser(t.ctx.db, "y@a3.example"), form({ primaryDomain: "a3.example", clientIp: "198.51.100.1" })),
      ),
    ).toBe("no error");
    t.ctx.config.enrollmentsPerIpPerHour = 100;
    t.ctx.config.enrollmentsPerDomainPerDay = 1;
    // A subdomain is the same company: it counts against the registrable domain.
    const first = await apply(t.ctx, await addUser(t.ctx.db, "x@b1.example"), form({ primaryDomain: "b1.example" }));
    await execute(withdrawApplication, t.ctx, { userId: first.applicantUserId, email: first.applicantEmail }, { applicationId: first.id });
    expect(
      await codeOf(
        async () =>
          await apply(
            t.ctx,
            await addUser(t.ctx.db, "y@eu.b1.example"),
            form({ primaryDomain: "eu.b1.example", clientIp: "198.51.100.2" }),
          ),
      ),
    ).toBe("RATE_LIMITED");
  });

  it("approval makes the partner, with the applicant as its Account admin, its groups, a partner ID and its corporate tenant", async () => {
    const app = await apply(t.ctx, applicant, form({ partnerType: "indirect_provider", corporateDomain: "tailwind-corp.example" }));
    const { partner, corporateId } = await execute(approveApplication, t.ctx, operator, {
      applicationId: app.id,
      partnerPublicId: undefined,
      cspTransactionTenant: true,
      corporateConfirmed: true,
    });
    expect(partner).toMatchObject({
      kind: "partner",
      name: "Tailwind Cloud",
      cloud: "global",
      partnerType: "indirect_provider",
      isCspTransactionTenant: true,
      partnerState: "active",
    });
    expect(partner.partnerPublicId).toMatch(/^\d{7}$/);
    expect((await getMember(t.ctx.db, applicant, partner.id))?.roles).toEqual(["account_admin"]);
    expect(
      (await t.ctx.db.select().from(securityGroups).where(eq(securityGroups.partnerId, partner.id))).map((g) => g.name).sort(),
    ).toEqual(["Admin Agents", "Helpdesk Agents"]);
    const corporate = (await firstRow(t.ctx.db.select().from(organizations).where(eq(organizations.id, corporateId!))))!;
    expect(corporate).toMatchObject({
      kind: "customer",
      primaryDomain: "tailwind-corp.example",
      corporateOfPartnerId: partner.id,
      isCspTransactionTenant: false,
    });
    expect((await getMember(t.ctx.db, applicant, corporate.id))?.roles).toEqual(["global_admin"]);
    // The applicant hears of it in the language they applied in.
    const mail = (await firstRow(t.ctx.db.select().from(emailOutbox).where(eq(emailOutbox.kind, "application.approved"))))!;
    expect(mail.toAddress).toBe("ceo@tailwind.example");
    expect(mail.subject).toMatch(/Tailwind Cloud/);
    expect(mail.textBody).toMatch(/Partner/);
    expect(
      await codeOf(
        async () =>
          await execute(approveApplication, t.ctx, operator, {
            applicationId: app.id,
            partnerPublicId: undefined,
            cspTransactionTenant: true,
            corporateConfirmed: false,
          }),
      ),
    ).toBe("APPLICATION_DECIDED");
  });

  it("a partner ID is unique within the cloud", async () => {
    await addPartner(t.ctx.db, { name: "Northwind", domain: "northwind.example", publicId: "4810231" });
    const app = await apply(t.ctx, applicant, form());
    expect(
      await codeOf(
        async () =>
          await execute(approveApplication, t.ctx, operator, {
            applicationId: app.id,
            partnerPublicId: "4810231",
            cspTransactionTenant: true,
            corporateConfirmed: false,
          }),
      ),
    ).toBe("PARTNER_ID_TAKEN");
    expect(
      (
        await execute(approveApplication, t.ctx, operator, {
          applicationId: app.id,
          partnerPublicId: "4810232",
          cspTransactionTenant: false,
          corporateConfirmed: false,
        })
      ).partner.partnerPublicId,
    ).toBe("4810232");
  });

  it("rejection tells the applicant why, and closes the application", async () => {
    const app = await apply(t.ctx, applicant, form());
    await execute(rejectApplication, t.ctx, operator, { applicationId: app.id, reason: "We could not verify the company." });
    const mail = (await firstRow(t.ctx.db.select().from(emailOutbox).where(eq(emailOutbox.kind, "application.rejected"))))!;
    expect(mail.textBody).toContain("We could not verify the company.");
    expect(
      await codeOf(async () => await execute(rejectApplication, t.ctx, operator, { applicationId: app.id, reason: "Twice over." })),
    ).toBe("APPLICATION_DECIDED");
    expect(await count(t.ctx.db, "memberships")).toBe(1);
  });

  it("only an operator with the permission decides: a viewer is refused, a partner's admin finds nothing", async () => {
    const app = await apply(t.ctx, applicant, form());
    const viewer = await addOperatorMember(t.ctx.db, "viewer@program.example", ["operator_viewer"]);
    expect(
      await codeOf(
        async () =>
          await execute(approveApplication, t.ctx, viewer, {
            applicationId: app.id,
            partnerPublicId: undefined,
            cspTransactionTenant: true,
            corporateConfirmed: false,
          }),
      ),
    ).toBe("FORBIDDEN");
    const partner = await addPartner(t.ctx.db, { name: "Northwind", domain: "northwind.example" });
    const partnerAdmin = { userId: (await t.ctx.db.select().from(memberships))[0].userId, email: "x" };
    void partner;
    expect(
      await codeOf(async () => await execute(rejectApplication, t.ctx, applicant, { applicationId: app.id, reason: "I decide myself." })),
    ).toBe("NOT_FOUND");
    expect(
      await codeOf(
        async () =>
          await execute(
            approveApplication,
            t.ctx,
            { ...partnerAdmin, userId: "usr_nobody" },
            { applicationId: app.id, partnerPublicId: undefined, cspTransactionTenant: true, corporateConfirmed: false },
          ),
      ),
    ).toBe("NOT_FOUND");
    // Nobody raises themselves: the applicant withdraws their own application, not another's.
    const other = await apply(t.ctx, await addUser(t.ctx.db, "x@other.example"), form({ primaryDomain: "other.example" }));
    expect(await codeOf(async () => await execute(withdrawApplication, t.ctx, applicant, { applicationId: other.id }))).toBe("NOT_FOUND");
  });
});
