import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/membership";
import { getMember } from "@/lib/auth/membership";
import { addCustomer, addOperatorMember, addUser, codeOf, count, testContext } from "@/lib/testing/fixtures";
import { applicationForm as form, apply } from "@/lib/testing/enrollment";
import { approveApplication, rejectApplication } from "./decisions";
import { execute } from "@/lib/operations/execute";

/*
 * The attacks the security review found on enrollment, each as the attacker would try it: an
 * oracle of which organizations exist, limits that refusals did not touch, public suffixes,
 * a squatter's claim on a waiting company's domain, and an operator deciding their own application.
 */

let t: Awaited<ReturnType<typeof testContext>>;
let operator: Actor;
let applicant: Actor;

beforeEach(async () => {
  t = await testContext();
  operator = await addOperatorMember(t.ctx.db, "ops@program.example");
  applicant = await addUser(t.ctx.db, "ceo@tailwind.example");
});

describe("enrollment cannot be probed, squatted or decided by its own applicant", () => {
  const approve = (actor: Actor, applicationId: string, corporateConfirmed = false) =>
    execute(approveApplication, t.ctx, actor, {
      applicationId,
      partnerPublicId: undefined,
      cspTransactionTenant: true,
      corporateConfirmed,
    });

  it("no oracle: the answer is the same whether another company holds the corporate domain or not", async () => {
    await addCustomer(t.ctx.db, { name: "Existing Corp", domain: "existing.example" });
    // A first application, then the probes the review found: the same answer for a held and a free domain.
    await apply(t.ctx, applicant, form());
    for (const corporateDomain of ["existing.example", "nobody-has-this.example"])
      expect(await codeOf(() => apply(t.ctx, applicant, form({ corporateDomain }))), corporateDomain).toBe("APPLICATION_PENDING");
    // A fresh applicant naming a held corporate domain is answered as for a free one: it is an unproved claim, looked up by nobody.
    for (const [email, corporateDomain] of [
      ["a@one.example", "existing.example"],
      ["b@two.example", "nobody-has-this-either.example"],
    ])
      expect(
        await codeOf(async () =>
          apply(t.ctx, await addUser(t.ctx.db, email), form({ primaryDomain: email.split("@")[1], corporateDomain })),
        ),
      ).toBe("no error");
  });

  it("refused attempts count: a client is stopped however the attempts were answered", async () => {
    t.ctx.config.enrollmentsPerIpPerHour = 3;
    await apply(t.ctx, applicant, form());
    for (const corporateDomain of ["a.example", "b.example"])
      expect(await codeOf(() => apply(t.ctx, applicant, form({ corporateDomain })))).toBe("APPLICATION_PENDING");
    expect(await codeOf(() => apply(t.ctx, applicant, form({ corporateDomain: "c.example" })))).toBe("RATE_LIMITED");
    // Its IPv6 neighbours are the same client.
    t.ctx.config.enrollmentsPerIpPerHour = 1;
    const v6 = (n: number) => form({ clientIp: `2001:db8:5:6::${n}`, primaryDomain: "other.example" });
    expect(await codeOf(() => apply(t.ctx, applicant, v6(1)))).toBe("DOMAIN_MISMATCH");
    expect(await codeOf(() => apply(t.ctx, applicant, v6(2)))).toBe("RATE_LIMITED");
  });

  it("an outsider naming a company's domain is refused before the company's own allowance is touched", async () => {
    t.ctx.config.enrollmentsPerDomainPerDay = 1;
    const eve = await addUser(t.ctx.db, "eve@evil.example");
    for (let i = 0; i < 3; i++)
      expect(await codeOf(() => apply(t.ctx, eve, form({ clientIp: `198.51.100.${i}` })))).toBe("DOMAIN_MISMATCH");
    expect(await codeOf(() => apply(t.ctx, applicant, form()))).toBe("no error");
  });

  it("public suffixes and tenant namespaces are nobody's: neither field may name one", async () => {
    const eve = await addUser(t.ctx.db, "eve@evil.co.uk");
    const x = await addUser(t.ctx.db, "x@t.onmicrosoft.com");
    expect(await codeOf(() => apply(t.ctx, eve, form({ primaryDomain: "co.uk" })))).toBe("VALIDATION");
    expect(await codeOf(() => apply(t.ctx, x, form({ primaryDomain: "onmicrosoft.com" })))).toBe("VALIDATION");
    expect(await codeOf(() => apply(t.ctx, applicant, form({ corporateDomain: "github.io" })))).toBe("VALIDATION");
    // Their own registrable domains are theirs.
    expect(await codeOf(() => apply(t.ctx, eve, form({ primaryDomain: "evil.co.uk" })))).toBe("no error");
    expect(await codeOf(() => apply(t.ctx, x, form({ primaryDomain: "t.onmicrosoft.com" })))).toBe("no error");
  });

  it("a domain in any waiting application is taken, whichever field it is in: a squatter's corporate claim is never approved", async () => {
    const victim = await apply(t.ctx, applicant, form());
    const eve = await addUser(t.ctx.db, "eve@evil.example");
    const squat = await apply(t.ctx, eve, form({ primaryDomain: "evil.example", corporateDomain: "tailwind.example" }));
    // The victim's domain is in the victim's waiting application: the operator cannot confirm it for the squatter.
    expect(await codeOf(() => approve(operator, squat.id, true))).toBe("DOMAIN_TAKEN");
    // Unconfirmed, the squatter gets its own partner and nothing at the victim's domain.
    const { corporateId } = await approve(operator, squat.id);
    expect(corporateId).toBeNull();
    const { partner } = await approve(operator, victim.id);
    expect(partner.primaryDomain).toBe("tailwind.example");
    expect((await getMember(t.ctx.db, applicant, partner.id))?.roles).toEqual(["account_admin"]);
    expect((await getMember(t.ctx.db, eve, partner.id))?.roles).toBeUndefined();

    // Two waiting applications claiming one corporate domain: neither can be confirmed while the other waits.
    const a = await apply(
      t.ctx,
      await addUser(t.ctx.db, "a@alpha.example"),
      form({ primaryDomain: "alpha.example", corporateDomain: "shared.example" }),
    );
    const b = await apply(
      t.ctx,
      await addUser(t.ctx.db, "b@beta.example"),
      form({ primaryDomain: "beta.example", corporateDomain: "shared.example" }),
    );
    expect(await codeOf(() => approve(operator, a.id, true))).toBe("DOMAIN_TAKEN");
    await execute(rejectApplication, t.ctx, operator, { applicationId: b.id, reason: "Could not verify the company." });
    expect((await approve(operator, a.id, true)).corporateId).not.toBeNull();
  });

  it("separation of duties: nobody decides an application they made, or that names their own address", async () => {
    const manager = await addOperatorMember(t.ctx.db, "pm@tailwind.example", ["partner_manager"]);
    const own = await apply(t.ctx, manager, form());
    expect(await codeOf(() => approve(manager, own.id))).toBe("OWN_APPLICATION");
    expect(await codeOf(() => execute(rejectApplication, t.ctx, manager, { applicationId: own.id, reason: "Deciding it myself." }))).toBe(
      "OWN_APPLICATION",
    );
    // The same address under another account is the same person.
    expect(await codeOf(() => approve({ ...operator, email: "PM@tailwind.example" }, own.id))).toBe("OWN_APPLICATION");
    expect(await count(t.ctx.db, "memberships")).toBe(2);
    // Another operator decides it.
    expect((await approve(operator, own.id)).partner.primaryDomain).toBe("tailwind.example");
  });
});
