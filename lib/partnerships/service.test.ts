import { firstRow } from "@/db/query";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditEvents, emailOutbox, partnerships, resellerRelationships } from "@/db/schema";
import { acceptInvitation } from "@/lib/invitations/respond";
import { createInvitation } from "@/lib/invitations/service";
import {
  addCustomer,
  addMember,
  addPartner,
  addUser,
  codeOf,
  DAY,
  dumpTable,
  partneredProviderAndReseller,
  testContext,
} from "@/lib/testing/fixtures";
import { requestAdminRelationshipSchema } from "@/lib/admin-relationships/schemas";
import { requestAdminRelationship } from "@/lib/admin-relationships/service";
import { effectiveRoles } from "@/lib/access/effective-roles";
import { endPartnership, revokePartnershipInvitation } from "./ending";
import { authorizePartnership, declinePartnership, invitePartnership } from "./service";
import { execute } from "@/lib/operations/execute";

let t: Awaited<ReturnType<typeof testContext>>;
beforeEach(async () => {
  t = await testContext();
});

async function providerAndReseller(resellerCloud: "global" | "germany" = "global") {
  const provider = await addPartner(t.ctx.db, { name: "Contoso", domain: "contoso.example", type: "indirect_provider" });
  const providerAdmin = await addMember(t.ctx.db, provider, "pieter@contoso.example", ["account_admin"]);
  const reseller = await addPartner(t.ctx.db, {
    name: "Trey",
    domain: "trey.example",
    type: "indirect_reseller",
    cloud: resellerCloud,
    publicId: "7400218",
  });
  const resellerAdmin = await addMember(t.ctx.db, reseller, "ravi@trey.example", ["account_admin"]);
  return { provider, providerAdmin, reseller, resellerAdmin };
}

const invite = (providerId: string, email: string, resellerPartnerId = "7400218") => ({
  providerId,
  email,
  resellerPartnerId,
  locale: "en" as const,
});

describe("inviting a reseller", () => {
  it("is checked: the inviter is a provider's Account admin, the ID names an indirect reseller in the same cloud", async () => {
    const { provider, providerAdmin } = await providerAndReseller();
    const direct = await addPartner(t.ctx.db, { name: "Northwind", domain: "northwind.example", publicId: "4810231" });
    const directAdmin = await addMember(t.ctx.db, direct, "alice@northwind.example", ["account_admin"]);
    const providerSales = await addMember(t.ctx.db, provider, "sam@contoso.example", ["sales_agent"]);
    expect(await codeOf(async () => await execute(invitePartnership, t.ctx, directAdmin, await invite(direct, "ravi@trey.example")))).toBe(
      "NOT_A_PROVIDER",
    );
    expect(
      await codeOf(async () => await execute(invitePartnership, t.ctx, providerSales, await invite(provider, "ravi@trey.example"))),
    ).toBe("FORBIDDEN");
    expect(
      await codeOf(
        async () => await execute(invitePartnership, t.ctx, providerAdmin, await invite(provider, "ravi@trey.example", "0000000")),
      ),
    ).toBe("PARTNER_ID_UNKNOWN");
    expect(
      await codeOf(
        async () => await execute(invitePartnership, t.ctx, providerAdmin, await invite(provider, "alice@northwind.example", "4810231")),
      ),
    ).toBe("NOT_A_RESELLER");
    expect(
      await codeOf(async () => await execute(invitePartnership, t.ctx, directAdmin, await invite(provider, "ravi@trey.example"))),
    ).toBe("NOT_FOUND");
  });

  it("never crosses clouds: a reseller of another cloud is invisible by its partner ID", async () => {
    const { provider, providerAdmin } = await providerAndReseller("germany");
    const before = await dumpTable(t.ctx.db, "partnerships");
    expect(
      await codeOf(async () => await execute(invitePartnership, t.ctx, providerAdmin, await invite(provider, "ravi@trey.example"))),
    ).toBe("PARTNER_ID_UNKNOWN");
    expect(await dumpTable(t.ctx.db, "partnerships")).toBe(before);
  });

  it("one open invitation per pair; an expired one can be replaced", async () => {
    const { provider, providerAdmin } = await providerAndReseller();
    await execute(invitePartnership, t.ctx, providerAdmin, await invite(provider, "ravi@trey.example"));
    expect(
      await codeOf(async () => await execute(invitePartnership, t.ctx, providerAdmin, await invite(provider, "ravi@trey.example"))),
    ).toBe("PARTNERSHIP_PENDING");
    t.advance(15 * DAY);
    expect(
      await codeOf(async () => await execute(invitePartnership, t.ctx, providerAdmin, await invite(provider, "ravi@trey.example"))),
    ).toBe("no error");
  });
});

describe("answering and ending", () => {
  it("only the invited address, as the reseller's Account admin, authorizes; the link works once and both sides see it", async () => {
    const { provider, providerAdmin, reseller, resellerAdmin } = await providerAndReseller();
    const { token, partnership } = await execute(invitePartnership, t.ctx, providerAdmin, await invite(provider, "RAVI@trey.example"));
    expect((await firstRow(t.ctx.db.select().from(emailOutbox).where(eq(emailOutbox.kind, "partnership.invited"))))!.textBody).toContain(
      `/partnership/${token}`,
    );
    expect(
      await codeOf(async () => await execute(authorizePartnership, t.ctx, await addUser(t.ctx.db, "someone@else.example"), { token })),
    ).toBe("WRONG_ACCOUNT");
    await execute(authorizePartnership, t.ctx, resellerAdmin, { token });
    expect((await firstRow(t.ctx.db.select().from(partnerships).where(eq(partnerships.id, partnership.id))))!.state).toBe("active");
    expect(await codeOf(async () => await execute(authorizePartnership, t.ctx, resellerAdmin, { token }))).toBe("INVITATION_USED");
    const audited = (await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, "partnership.authorized"))).map(
      (e) => e.organizationId,
    );
    expect(audited.sort()).toEqual([provider, reseller].sort());
    expect(
      (await t.ctx.db.select().from(emailOutbox).where(eq(emailOutbox.kind, "partnership.partnershipAuthorized"))).map((m) => m.toAddress),
    ).toEqual([providerAdmin.email]);
  });

  it("a reseller member without the Account admin role cannot authorize, even at the invited address", async () => {
    const { provider, providerAdmin, reseller } = await providerAndReseller();
    const sales = await addMember(t.ctx.db, reseller, "sales@trey.example", ["sales_agent"]);
    const { token } = await execute(invitePartnership, t.ctx, providerAdmin, await invite(provider, sales.email));
    expect(await codeOf(async () => await execute(authorizePartnership, t.ctx, sales, { token }))).toBe("FORBIDDEN");
  });

  it("declined, withdrawn and expired links answer no more", async () => {
    const { provider, providerAdmin, resellerAdmin } = await providerAndReseller();
    const first = await execute(invitePartnership, t.ctx, providerAdmin, await invite(provider, resellerAdmin.email));
    await execute(declinePartnership, t.ctx, resellerAdmin, { token: first.token });
    expect(await codeOf(async () => await execute(authorizePartnership, t.ctx, resellerAdmin, { token: first.token }))).toBe(
      "INVITATION_USED",
    );
    const second = await execute(invitePartnership, t.ctx, providerAdmin, await invite(provider, resellerAdmin.email));
    await execute(revokePartnershipInvitation, t.ctx, providerAdmin, { organizationId: provider, partnershipId: second.partnership.id });
    expect(await codeOf(async () => await execute(authorizePartnership, t.ctx, resellerAdmin, { token: second.token }))).toBe(
      "INVITATION_REVOKED",
    );
    const third = await execute(invitePartnership, t.ctx, providerAdmin, await invite(provider, resellerAdmin.email));
    t.advance(15 * DAY);
    expect(await codeOf(async () => await execute(authorizePartnership, t.ctx, resellerAdmin, { token: third.token }))).toBe(
      "INVITATION_EXPIRED",
    );
  });

  it("either side ends it; customers, their relationships and subscriptions stay; new invitations can no longer name the provider", async () => {
    const w = await partneredProviderAndReseller(t.ctx);
    const customer = await addCustomer(t.ctx.db, { name: "Fourth Coffee", domain: "fourthcoffee.example" });
    const ga = await addMember(t.ctx.db, customer, "diego@fourthcoffee.example", ["global_admin"]);
    const { token } = await execute(createInvitation, t.ctx, w.resellerAdmin, {
      partnerId: w.reseller,
      email: ga.email,
      message: null,
      locale: "en",
      providerId: w.provider,
    });
    await execute(acceptInvitation, t.ctx, ga, { token, target: "existing", customerId: customer, agreement: "on" });
    const relationships = await dumpTable(t.ctx.db, "reseller_relationships");

    const outsider = await addMember(
      t.ctx.db,
      await addPartner(t.ctx.db, { name: "Fabrikam", domain: "fabrikam.example", type: "indirect_provider" }),
      "maria@fabrikam.example",
      ["account_admin"],
    );
    expect(
      await codeOf(
        async () => await execute(endPartnership, t.ctx, outsider, { organizationId: w.provider, partnershipId: w.partnershipId }),
      ),
    ).toBe("NOT_FOUND");
    await execute(endPartnership, t.ctx, w.resellerAdmin, { organizationId: w.reseller, partnershipId: w.partnershipId });
    expect(
      await codeOf(
        async () => await execute(endPartnership, t.ctx, w.providerAdmin, { organizationId: w.provider, partnershipId: w.partnershipId }),
      ),
    ).toBe("PARTNERSHIP_NOT_ACTIVE");

    expect(await dumpTable(t.ctx.db, "reseller_relationships")).toBe(relationships);
    expect(
      await codeOf(
        async () =>
          await execute(createInvitation, t.ctx, w.resellerAdmin, {
            partnerId: w.reseller,
            email: "new@customer.example",
            message: null,
            locale: "en",
            providerId: w.provider,
          }),
      ),
    ).toBe("PROVIDER_UNAVAILABLE");
    const told = (await t.ctx.db.select().from(emailOutbox).where(eq(emailOutbox.kind, "partnership.partnershipEnded"))).map(
      (m) => m.toAddress,
    );
    expect(told.sort()).toEqual([w.providerAdmin.email, w.resellerAdmin.email].sort());
  });
});

describe("a reseller's customer invitation naming its provider", () => {
  it("must name one of the reseller's active providers; a direct partner names none", async () => {
    const w = await partneredProviderAndReseller(t.ctx);
    const base = { partnerId: w.reseller, email: "diego@fourthcoffee.example", message: null, locale: "en" as const };
    expect(await codeOf(async () => await execute(createInvitation, t.ctx, w.resellerAdmin, base))).toBe("PROVIDER_REQUIRED");
    const stranger = await addPartner(t.ctx.db, { name: "Other provider", domain: "other-provider.example", type: "indirect_provider" });
    expect(await codeOf(async () => await execute(createInvitation, t.ctx, w.resellerAdmin, { ...base, providerId: stranger }))).toBe(
      "PROVIDER_UNAVAILABLE",
    );
    expect(
      await codeOf(
        async () => await execute(createInvitation, t.ctx, w.providerAdmin, { ...base, partnerId: w.provider, providerId: w.provider }),
      ),
    ).toBe("PROVIDER_UNAVAILABLE");
  });

  it("one acceptance makes the customer the reseller's and the provider's, and the email says so", async () => {
    const w = await partneredProviderAndReseller(t.ctx);
    const customer = await addCustomer(t.ctx.db, { name: "Fourth Coffee", domain: "fourthcoffee.example" });
    const ga = await addMember(t.ctx.db, customer, "diego@fourthcoffee.example", ["global_admin"]);
    const subscriptions = await dumpTable(t.ctx.db, "subscriptions");
    const { token } = await execute(createInvitation, t.ctx, w.resellerAdmin, {
      partnerId: w.reseller,
      email: ga.email,
      message: null,
      locale: "en",
      providerId: w.provider,
    });
    expect((await firstRow(t.ctx.db.select().from(emailOutbox).where(eq(emailOutbox.kind, "invitation"))))!.textBody).toContain("Contoso");

    const accepted = await execute(acceptInvitation, t.ctx, ga, { token, target: "existing", customerId: customer, agreement: "on" });
    expect(accepted.providerId).toBe(w.provider);
    const rows = await t.ctx.db.select().from(resellerRelationships).where(eq(resellerRelationships.customerId, customer));
    expect(
      rows
        .map((r) => ({ partner: r.partnerId, state: r.state, provider: r.providerId, reseller: r.resellerId }))
        .sort((a, b) => a.partner.localeCompare(b.partner)),
    ).toEqual(
      [
        { partner: w.reseller, state: "active", provider: w.provider, reseller: null },
        { partner: w.provider, state: "active", provider: null, reseller: w.reseller },
      ].sort((a, b) => a.partner.localeCompare(b.partner)),
    );
    expect(
      (await t.ctx.db.select().from(emailOutbox).where(eq(emailOutbox.kind, "reseller_relationship.via_reseller"))).map((m) => m.toAddress),
    ).toEqual([w.providerAdmin.email]);
    expect(await dumpTable(t.ctx.db, "subscriptions")).toBe(subscriptions);
  });

  it("is refused if the partnership ended before the customer answered; nothing is created", async () => {
    const w = await partneredProviderAndReseller(t.ctx);
    const ga = await addUser(t.ctx.db, "diego@fourthcoffee.example");
    const { token } = await execute(createInvitation, t.ctx, w.resellerAdmin, {
      partnerId: w.reseller,
      email: ga.email,
      message: null,
      locale: "en",
      providerId: w.provider,
    });
    await execute(endPartnership, t.ctx, w.providerAdmin, { organizationId: w.provider, partnershipId: w.partnershipId });
    const before = await dumpTable(t.ctx.db, "reseller_relationships");
    expect(
      await codeOf(
        async () =>
          await execute(acceptInvitation, t.ctx, ga, {
            token,
            target: "new",
            name: "Fourth Coffee",
            primaryDomain: "fourthcoffee.example",
            country: "CA",
            agreement: "on",
          }),
      ),
    ).toBe("PROVIDER_UNAVAILABLE");
    expect(await dumpTable(t.ctx.db, "reseller_relationships")).toBe(before);
    expect(
      await t.ctx.db
        .select()
        .from(resellerRelationships)
        .where(and(eq(resellerRelationships.partnerId, w.provider))),
    ).toEqual([]);
  });

  it("gives the provider only what its own relationships allow: another provider of the reseller sees nothing", async () => {
    const w = await partneredProviderAndReseller(t.ctx, { suffix: "a" });
    const providerB = await addPartner(t.ctx.db, { name: "Provider B", domain: "provider-b.example", type: "indirect_provider" });
    const adminB = await addMember(t.ctx.db, providerB, "admin@provider-b.example", ["account_admin", "admin_agent"]);
    const { token: link } = await execute(
      invitePartnership,
      t.ctx,
      adminB,
      await invite(providerB, w.resellerAdmin.email, w.resellerPublicId),
    );
    await execute(authorizePartnership, t.ctx, w.resellerAdmin, { token: link });
    const customer = await addCustomer(t.ctx.db, { name: "Fourth Coffee", domain: "fourthcoffee.example" });
    const ga = await addMember(t.ctx.db, customer, "diego@fourthcoffee.example", ["global_admin"]);
    const { token } = await execute(createInvitation, t.ctx, w.resellerAdmin, {
      partnerId: w.reseller,
      email: ga.email,
      message: null,
      locale: "en",
      providerId: w.provider,
    });
    await execute(acceptInvitation, t.ctx, ga, { token, target: "existing", customerId: customer, agreement: "on" });

    const request = (partnerId: string) =>
      requestAdminRelationshipSchema.parse({
        partnerId,
        customerId: customer,
        name: `Ops ${partnerId}`,
        durationDays: "30",
        roles: ["global_reader"],
      });
    expect(await codeOf(async () => await execute(requestAdminRelationship, t.ctx, adminB, await request(providerB)))).toBe("NOT_FOUND");
    expect(await codeOf(async () => await execute(requestAdminRelationship, t.ctx, w.providerAdmin, await request(w.provider)))).toBe(
      "no error",
    );
    // The reseller's own admin roles are its own: the provider's effective roles come from its relationships only.
    expect(await effectiveRoles(t.ctx.db, w.provider, w.providerAdmin.userId, customer)).toEqual([]);
  });
});
