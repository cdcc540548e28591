import { beforeEach, describe, expect, it } from "vitest";
import { firstRow } from "@/db/query";
import { eq } from "drizzle-orm";
import { adminRelationships, invitations } from "@/db/schema";
import { runAdminRelationshipJobs } from "@/lib/admin-relationships/jobs";
import { requestAdminRelationshipSchema } from "@/lib/admin-relationships/schemas";
import { approveAdminRelationship, requestAdminRelationship } from "@/lib/admin-relationships/service";
import type { Actor } from "@/lib/auth/membership";
import { acceptInvitation } from "@/lib/invitations/respond";
import { createInvitation, resendInvitation } from "@/lib/invitations/service";
import { offboardPartner, suspendPartner } from "@/lib/operator/partners";
import { authorizePartnership, declinePartnership, invitePartnership } from "@/lib/partnerships/service";
import { assignSupport } from "@/lib/support/service";
import { acceptMemberInvitation, inviteMember } from "@/lib/team/invitations";
import {
  addCustomer,
  addMember,
  addOperatorMember,
  addPartner,
  addSubscription,
  addUser,
  codeOf,
  count,
  DAY,
  partneredProviderAndReseller,
  relatedPartnerAndCustomer,
  signedInAt,
  testContext,
} from "@/lib/testing/fixtures";
import { execute } from "@/lib/operations/execute";

/*
 * The standing rule on every path that reaches out or gains (lib/partners/standing.ts): each
 * case is the attack the review found, or its sibling on the other side, with the partner
 * suspended or offboarded after the invitation left, so the check at the moment it takes
 * effect is what refuses.
 */

let t: Awaited<ReturnType<typeof testContext>>;
let operator: Actor;
let two: Awaited<ReturnType<typeof partneredProviderAndReseller>>;
let ga: Actor;
let customer: string;

const suspend = (partnerId: string) => execute(suspendPartner, t.ctx, operator, { partnerId, reason: "Unpaid invoices since March." });
const offboard = async (partnerId: string, name: string) =>
  await execute(offboardPartner, t.ctx, operator, { partnerId, reason: "The program ended the agreement.", confirmName: name });

beforeEach(async () => {
  t = await testContext();
  operator = await addOperatorMember(t.ctx.db, "ops@program.example");
  two = await partneredProviderAndReseller(t.ctx);
  customer = await addCustomer(t.ctx.db, { name: "Fourth Coffee", domain: "fourthcoffee.example" });
  ga = await addMember(t.ctx.db, customer, "ga@fourthcoffee.example", ["global_admin"]);
});

/** The reseller invites the customer naming its provider: the token of that invitation. */
const invitationNamingProvider = async () =>
  (
    await execute(createInvitation, t.ctx, two.resellerAdmin, {
      partnerId: two.reseller,
      email: ga.email,
      message: null,
      locale: "en",
      providerId: two.provider,
    })
  ).token;
const accept = (token: string) =>
  execute(acceptInvitation, t.ctx, ga, { token, target: "existing", customerId: customer, agreement: "on" });

describe("standing: a partner out of standing reaches out to nobody, and gains nothing from what it sent", () => {
  it("a reseller in good standing cannot name a suspended or offboarded provider, and an invitation naming one gives it nothing", async () => {
    const token = await invitationNamingProvider();
    await suspend(two.provider);
    expect(await codeOf(() => invitationNamingProvider())).toBe("PARTNER_SUSPENDED");
    expect(await codeOf(() => accept(token))).toBe("PARTNER_SUSPENDED");
    const invitationId = (await firstRow(t.ctx.db.select().from(invitations)))!.id;
    expect(await codeOf(() => execute(resendInvitation, t.ctx, two.resellerAdmin, { partnerId: two.reseller, invitationId }))).toBe(
      "PARTNER_SUSPENDED",
    );
    expect(await count(t.ctx.db, "reseller_relationships")).toBe(0);
  });

  it("offboarding the provider withdraws the invitations that name it", async () => {
    const token = await invitationNamingProvider();
    await offboard(two.provider, "Contoso");
    expect(await codeOf(() => invitationNamingProvider())).toBe("PROVIDER_UNAVAILABLE");
    expect(await codeOf(() => accept(token))).toBe("INVITATION_REVOKED");
    expect(await count(t.ctx.db, "reseller_relationships")).toBe(0);
  });

  it("a partnership invitation sent before the provider's suspension cannot be authorized (declining still can)", async () => {
    const reseller2 = await addPartner(t.ctx.db, { name: "Trey", domain: "trey.example", type: "indirect_reseller", publicId: "7400001" });
    const admin2 = await addMember(t.ctx.db, reseller2, "ravi@trey.example", ["account_admin"]);
    const invite = () =>
      execute(invitePartnership, t.ctx, two.providerAdmin, {
        providerId: two.provider,
        email: admin2.email,
        resellerPartnerId: "7400001",
        locale: "en",
      });
    const { token } = await invite();
    await suspend(two.provider);
    expect(await codeOf(() => execute(authorizePartnership, t.ctx, admin2, { token }))).toBe("PARTNER_SUSPENDED");
    expect(await codeOf(() => execute(declinePartnership, t.ctx, admin2, { token }))).toBe("no error");
  });

  it("nobody invites a suspended reseller to a partnership, and one invited before cannot authorize it", async () => {
    const provider2 = await addPartner(t.ctx.db, { name: "Wingtip", domain: "wingtip.example", type: "indirect_provider" });
    const admin2 = await addMember(t.ctx.db, provider2, "pia@wingtip.example", ["account_admin"]);
    const invite = () =>
      execute(invitePartnership, t.ctx, admin2, {
        providerId: provider2,
        email: two.resellerAdmin.email,
        resellerPartnerId: two.resellerPublicId,
        locale: "en",
      });
    const { token } = await invite();
    await suspend(two.reseller);
    expect(await codeOf(() => execute(authorizePartnership, t.ctx, two.resellerAdmin, { token }))).toBe("PARTNER_SUSPENDED");
    expect(await codeOf(() => invite())).toBe("PARTNER_SUSPENDED");
  });

  it("offboarding withdraws the partnership invitations sent to the partner, not only those it sent", async () => {
    const provider2 = await addPartner(t.ctx.db, { name: "Wingtip", domain: "wingtip.example", type: "indirect_provider" });
    const admin2 = await addMember(t.ctx.db, provider2, "pia@wingtip.example", ["account_admin"]);
    const { token } = await execute(invitePartnership, t.ctx, admin2, {
      providerId: provider2,
      email: two.resellerAdmin.email,
      resellerPartnerId: two.resellerPublicId,
      locale: "en",
    });
    await offboard(two.reseller, "Litware");
    expect(await codeOf(() => execute(authorizePartnership, t.ctx, two.resellerAdmin, { token }))).toBe("INVITATION_REVOKED");
  });

  it("a partner out of standing sends no team invitation, and one it sent before lets nobody join", async () => {
    const invite = (email: string) =>
      execute(inviteMember, t.ctx, two.providerAdmin, { organizationId: two.provider, email, roles: ["sales_agent"], locale: "en" });
    const { token } = await invite("sam@contoso.example");
    const { token: second } = await invite("sue@contoso.example");
    await suspend(two.provider);
    expect(await codeOf(() => invite("eve@anywhere.example"))).toBe("PARTNER_SUSPENDED");
    expect(
      await codeOf(async () => execute(acceptMemberInvitation, t.ctx, await addUser(t.ctx.db, "sam@contoso.example"), { token })),
    ).toBe("PARTNER_SUSPENDED");
    // Offboarding withdraws them outright.
    await offboard(two.provider, "Contoso");
    expect(
      await codeOf(async () => execute(acceptMemberInvitation, t.ctx, await addUser(t.ctx.db, "sue@contoso.example"), { token: second })),
    ).toBe("INVITATION_REVOKED");
    expect(await codeOf(() => invite("eve@anywhere.example"))).toBe("PARTNER_OFFBOARDED");
  });

  it("a customer cannot hand support to a suspended partner, and a suspended partner's admin roles do not extend themselves", async () => {
    const w = await relatedPartnerAndCustomer(t.ctx, { suffix: "-s" });
    const input = requestAdminRelationshipSchema.parse({
      partnerId: w.partner,
      customerId: w.customer,
      name: "Helpdesk",
      durationDays: "30",
      roles: ["global_reader"],
      autoExtend: "on",
    });
    const { id } = await execute(requestAdminRelationship, t.ctx, w.agent, input);
    await execute(approveAdminRelationship, t.ctx, signedInAt(w.ga, t.ctx.now()), { organizationId: w.customer, relationshipId: id });
    const sub = await addSubscription(t.ctx.db, w.customer, "Dynamics 365", null);
    await suspend(w.partner);
    expect(
      await codeOf(() => execute(assignSupport, t.ctx, w.ga, { customerId: w.customer, subscriptionId: sub, partnerId: w.partner })),
    ).toBe("PARTNER_SUSPENDED");
    t.advance(31 * DAY);
    await runAdminRelationshipJobs(t.ctx);
    expect((await firstRow(t.ctx.db.select().from(adminRelationships).where(eq(adminRelationships.id, id))))!.state).toBe("expired");
  });
});
