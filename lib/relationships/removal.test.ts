import { rawRun } from "@/lib/testing/raw";
import { firstRow } from "@/db/query";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import {
  accessAssignments,
  adminRelationships,
  auditEvents,
  emailOutbox,
  organizations,
  resellerRelationships,
  securityGroups,
} from "@/db/schema";
import { createAccessAssignment } from "@/lib/access/assignments";
import { requestAdminRelationshipSchema } from "@/lib/admin-relationships/schemas";
import { approveAdminRelationship, requestAdminRelationship } from "@/lib/admin-relationships/service";
import type { Actor } from "@/lib/auth/membership";
import { acceptInvitation } from "@/lib/invitations/respond";
import { createInvitation } from "@/lib/invitations/service";
import {
  addCustomer,
  addMember,
  addPartner,
  addSubscription,
  codeOf,
  dumpTable,
  partneredProviderAndReseller,
  relatedPartnerAndCustomer,
  testContext,
} from "@/lib/testing/fixtures";
import { removeCustomer, removePartner } from "./removal";
import { removalPreview } from "./removal-preview";
import { execute } from "@/lib/operations/execute";

let t: Awaited<ReturnType<typeof testContext>>;
let partner: string;
let customer: string;
let agent: Actor;
let ga: Actor;
const attestation = "The customer asked us to end the relationship on 2026-11-20.";

beforeEach(async () => {
  t = await testContext();
  ({ partner, agent, customer, ga } = await relatedPartnerAndCustomer(t.ctx));
});

async function activeAdminRelationshipWithAssignment() {
  const { id } = await execute(
    requestAdminRelationship,
    t.ctx,
    agent,
    requestAdminRelationshipSchema.parse({
      partnerId: partner,
      customerId: customer,
      name: "Ops",
      durationDays: "90",
      roles: ["global_reader"],
    }),
  );
  await execute(approveAdminRelationship, t.ctx, ga, { organizationId: customer, relationshipId: id });
  const group = (await t.ctx.db.select().from(securityGroups).where(eq(securityGroups.partnerId, partner)))[0];
  await execute(createAccessAssignment, t.ctx, agent, {
    partnerId: partner,
    relationshipId: id,
    groupId: group.id,
    roles: ["global_reader"],
  });
  return id;
}

describe("ending a reseller relationship", () => {
  it("a partner cannot remove a customer while it is partner of record of an active subscription; the preview lists what blocks it", async () => {
    await addSubscription(t.ctx.db, customer, "Microsoft 365 E3", partner);
    expect((await removalPreview(t.ctx.db, partner, customer)).blockers.map((b) => b.product)).toEqual(["Microsoft 365 E3"]);
    expect(
      await codeOf(async () => await execute(removeCustomer, t.ctx, agent, { partnerId: partner, customerId: customer, attestation })),
    ).toBe("REMOVAL_BLOCKED");
    await rawRun(t.ctx.db, "update subscriptions set state = 'suspended'");
    expect(
      await codeOf(async () => await execute(removeCustomer, t.ctx, agent, { partnerId: partner, customerId: customer, attestation })),
    ).toBe("no error");
  });

  it("ends its admin relationships and access assignments with it, tells both sides, and changes no subscription or other partner", async () => {
    const other = await addPartner(t.ctx.db, { name: "Fabrikam", domain: "fabrikam.example" });
    const otherAgent = await addMember(t.ctx.db, other, "agent@fabrikam.example", ["admin_agent"]);
    const { token } = await execute(createInvitation, t.ctx, otherAgent, {
      partnerId: other,
      email: ga.email,
      message: null,
      locale: "en",
    });
    await execute(acceptInvitation, t.ctx, ga, { token, target: "existing", customerId: customer, agreement: "on" });
    await addSubscription(t.ctx.db, customer, "Azure plan", other);
    const subscriptions = await dumpTable(t.ctx.db, "subscriptions");
    const rel = await activeAdminRelationshipWithAssignment();
    expect((await removalPreview(t.ctx.db, partner, customer)).endingAdminRelationships.map((r) => r.name)).toEqual(["Ops"]);

    await execute(removeCustomer, t.ctx, agent, { partnerId: partner, customerId: customer, attestation });

    expect((await firstRow(t.ctx.db.select().from(adminRelationships).where(eq(adminRelationships.id, rel))))!.state).toBe("terminated");
    expect((await t.ctx.db.select().from(accessAssignments)).map((a) => a.state)).toEqual(["deleted"]);
    const states = Object.fromEntries((await t.ctx.db.select().from(resellerRelationships)).map((r) => [r.partnerId, r.state]));
    expect(states).toEqual({ [partner]: "ended", [other]: "active" });
    expect(await dumpTable(t.ctx.db, "subscriptions")).toBe(subscriptions);
    const told = (await t.ctx.db.select().from(emailOutbox).where(eq(emailOutbox.kind, "reseller_relationship.removed")))
      .map((m) => m.toAddress)
      .sort();
    expect(told).toEqual([agent.email, ga.email].sort());
    const logged = await firstRow(t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, "reseller_relationship.removed")));
    expect(logged?.details?.attestation).toBe(attestation);
  });

  it("an indirect reseller cannot remove a customer; roles without the permission cannot either", async () => {
    await t.ctx.db.update(organizations).set({ partnerType: "indirect_reseller" }).where(eq(organizations.id, partner));
    expect(
      await codeOf(async () => await execute(removeCustomer, t.ctx, agent, { partnerId: partner, customerId: customer, attestation })),
    ).toBe("RESELLER_CANNOT_REMOVE");
    const sales = await addMember(t.ctx.db, partner, "sales@northwind.example", ["sales_agent"]);
    expect(
      await codeOf(async () => await execute(removeCustomer, t.ctx, sales, { partnerId: partner, customerId: customer, attestation })),
    ).toBe("FORBIDDEN");
  });

  it("a customer's Global administrator removes a partner outright, even one that is partner of record; the subscription keeps it", async () => {
    await addSubscription(t.ctx.db, customer, "Microsoft 365 E3", partner);
    const subscriptions = await dumpTable(t.ctx.db, "subscriptions");
    await activeAdminRelationshipWithAssignment();
    const billing = await addMember(t.ctx.db, customer, "ben@adventure.example", ["billing_administrator"]);
    expect(
      await codeOf(
        async () => await execute(removePartner, t.ctx, billing, { customerId: customer, partnerId: partner, scope: "everything" }),
      ),
    ).toBe("FORBIDDEN");
    await execute(removePartner, t.ctx, ga, { customerId: customer, partnerId: partner, scope: "everything" });
    expect((await firstRow(t.ctx.db.select().from(resellerRelationships)))!.state).toBe("ended");
    expect(await dumpTable(t.ctx.db, "subscriptions")).toBe(subscriptions);
    expect(
      await codeOf(async () => await execute(removePartner, t.ctx, ga, { customerId: customer, partnerId: partner, scope: "everything" })),
    ).toBe("NOT_FOUND");
  });
});

describe("two-tier removal", () => {
  it("a provider removing a customer also ends the relationship of the reseller that brought it; the reseller itself cannot remove", async () => {
    const w = await partneredProviderAndReseller(t.ctx, { suffix: "tt" });
    const customer2 = await addCustomer(t.ctx.db, { name: "Fourth Coffee", domain: "fourthcoffee.example" });
    const ga2 = await addMember(t.ctx.db, customer2, "diego@fourthcoffee.example", ["global_admin"]);
    const { token } = await execute(createInvitation, t.ctx, w.resellerAdmin, {
      partnerId: w.reseller,
      email: ga2.email,
      message: null,
      locale: "en",
      providerId: w.provider,
    });
    await execute(acceptInvitation, t.ctx, ga2, { token, target: "existing", customerId: customer2, agreement: "on" });

    expect(
      await codeOf(
        async () => await execute(removeCustomer, t.ctx, w.resellerAdmin, { partnerId: w.reseller, customerId: customer2, attestation }),
      ),
    ).toBe("RESELLER_CANNOT_REMOVE");
    // The reseller is partner of record: the provider's removal is blocked by it too.
    await addSubscription(t.ctx.db, customer2, "Microsoft 365 Business Standard", w.reseller);
    expect((await removalPreview(t.ctx.db, w.provider, customer2)).endingResellers.map((r) => r.name)).toEqual(["Litwarett"]);
    expect(
      await codeOf(
        async () => await execute(removeCustomer, t.ctx, w.providerAdmin, { partnerId: w.provider, customerId: customer2, attestation }),
      ),
    ).toBe("REMOVAL_BLOCKED");
    await rawRun(t.ctx.db, "update subscriptions set state = 'cancelled' where customer_id = ?", customer2);
    await execute(removeCustomer, t.ctx, w.providerAdmin, { partnerId: w.provider, customerId: customer2, attestation });
    const states = (await t.ctx.db.select().from(resellerRelationships).where(eq(resellerRelationships.customerId, customer2))).map(
      (r) => r.state,
    );
    expect(states).toEqual(["ended", "ended"]);
  });

  it("a customer removing a provider keeps its reseller", async () => {
    const w = await partneredProviderAndReseller(t.ctx, { suffix: "tc" });
    const { token } = await execute(createInvitation, t.ctx, w.resellerAdmin, {
      partnerId: w.reseller,
      email: ga.email,
      message: null,
      locale: "en",
      providerId: w.provider,
    });
    await execute(acceptInvitation, t.ctx, ga, { token, target: "existing", customerId: customer, agreement: "on" });
    await execute(removePartner, t.ctx, ga, { customerId: customer, partnerId: w.provider, scope: "everything" });
    const states = Object.fromEntries(
      (await t.ctx.db.select().from(resellerRelationships).where(eq(resellerRelationships.customerId, customer))).map((r) => [
        r.partnerId,
        r.state,
      ]),
    );
    expect(states).toEqual({ [partner]: "active", [w.reseller]: "active", [w.provider]: "ended" });
  });
});
