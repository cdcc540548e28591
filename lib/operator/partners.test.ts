import { rawAll, rawValue } from "@/lib/testing/raw";
import { firstRow } from "@/db/query";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { adminRelationships, emailOutbox, invitations, organizations, partnerships, resellerRelationships } from "@/db/schema";
import { approveAdminRelationship, requestAdminRelationship } from "@/lib/admin-relationships/service";
import { requestAdminRelationshipSchema } from "@/lib/admin-relationships/schemas";
import type { Actor } from "@/lib/auth/membership";
import { acceptInvitation } from "@/lib/invitations/respond";
import { createInvitation } from "@/lib/invitations/service";
import { createSubscription } from "@/lib/subscriptions/service";
import {
  addMember,
  addOperatorMember,
  addProduct,
  addSubscription,
  addUser,
  codeOf,
  dumpTable,
  partneredProviderAndReseller,
  relatedPartnerAndCustomer,
  testContext,
} from "@/lib/testing/fixtures";
import { offboardPartner, reinstatePartner, suspendPartner } from "./partners";
import { execute } from "@/lib/operations/execute";

let t: Awaited<ReturnType<typeof testContext>>;
let operator: Actor;
let world: Awaited<ReturnType<typeof relatedPartnerAndCustomer>>;
let admin: Actor;

const ask = async (name: string) =>
  await execute(
    requestAdminRelationship,
    t.ctx,
    world.agent,
    requestAdminRelationshipSchema.parse({
      partnerId: world.partner,
      customerId: world.customer,
      name,
      durationDays: "90",
      roles: ["global_reader"],
    }),
  );
const stateOf = async (id: string) =>
  (await firstRow(t.ctx.db.select({ s: organizations.partnerState }).from(organizations).where(eq(organizations.id, id))))!.s;

beforeEach(async () => {
  t = await testContext();
  operator = await addOperatorMember(t.ctx.db, "ops@program.example", ["partner_manager"]);
  world = await relatedPartnerAndCustomer(t.ctx);
  admin = await addMember(t.ctx.db, world.partner, "admin@northwind.example", ["account_admin", "sales_agent"]);
});

describe("suspending a partner", () => {
  it("its people still see, but send no invitation, request no roles and sell nothing; customers cannot answer what it sent before", async () => {
    const pending = await ask("Before the suspension");
    const outsider = await addUser(t.ctx.db, "new@tailwind.example");
    const { token } = await execute(createInvitation, t.ctx, admin, {
      partnerId: world.partner,
      email: outsider.email,
      message: null,
      locale: "en",
    });
    const product = await addProduct(t.ctx.db, { name: "Microsoft 365 E3" });
    await execute(suspendPartner, t.ctx, operator, { partnerId: world.partner, reason: "Unpaid invoices since March." });
    expect(await stateOf(world.partner)).toBe("suspended");
    // Its Account admin hears why.
    const mail = await t.ctx.db.select().from(emailOutbox).where(eq(emailOutbox.kind, "partner.partnerSuspended"));
    expect(mail.map((m) => m.toAddress)).toEqual(["admin@northwind.example"]);
    expect(mail[0].textBody).toContain("Unpaid invoices since March.");

    expect(
      await codeOf(
        async () =>
          await execute(createInvitation, t.ctx, admin, {
            partnerId: world.partner,
            email: "other@tailwind.example",
            message: null,
            locale: "en",
          }),
      ),
    ).toBe("PARTNER_SUSPENDED");
    expect(await codeOf(async () => await ask("During the suspension"))).toBe("PARTNER_SUSPENDED");
    expect(
      await codeOf(
        async () =>
          await execute(createSubscription, t.ctx, world.agent, {
            partnerId: world.partner,
            customerId: world.customer,
            productId: product,
            seats: 5,
            term: "P1Y",
          }),
      ),
    ).toBe("PARTNER_SUSPENDED");
    // Which moment: what it sent before the suspension gives it nothing now.
    expect(
      await codeOf(
        async () =>
          await execute(acceptInvitation, t.ctx, outsider, {
            token,
            target: "new",
            name: "Tailwind",
            primaryDomain: "tailwind.example",
            country: "US",
            agreement: "on",
          }),
      ),
    ).toBe("PARTNER_SUSPENDED");
    expect(
      await codeOf(
        async () =>
          await execute(approveAdminRelationship, t.ctx, world.ga, { organizationId: world.customer, relationshipId: pending.id }),
      ),
    ).toBe("PARTNER_SUSPENDED");

    await execute(reinstatePartner, t.ctx, operator, { partnerId: world.partner, reason: "Invoices settled." });
    expect(
      (await execute(approveAdminRelationship, t.ctx, world.ga, { organizationId: world.customer, relationshipId: pending.id })).state,
    ).toBe("active");
    expect(
      await codeOf(async () => await execute(reinstatePartner, t.ctx, operator, { partnerId: world.partner, reason: "Once more." })),
    ).toBe("PARTNER_STATE");
  });

  it("only an operator with the permission: a viewer is refused; the partner itself, a customer or a stranger find nothing", async () => {
    const viewer = await addOperatorMember(t.ctx.db, "viewer@program.example", ["operator_viewer"]);
    const input = { partnerId: world.partner, reason: "Trying it on." };
    expect(await codeOf(async () => await execute(suspendPartner, t.ctx, viewer, input))).toBe("FORBIDDEN");
    for (const who of [admin, world.ga, await addUser(t.ctx.db, "x@nowhere.example")])
      expect(await codeOf(async () => await execute(suspendPartner, t.ctx, who, input))).toBe("NOT_FOUND");
    // A customer's id is not a partner.
    expect(
      await codeOf(async () => await execute(suspendPartner, t.ctx, operator, { partnerId: world.customer, reason: "Not a partner." })),
    ).toBe("NOT_FOUND");
    expect(await stateOf(world.partner)).toBe("active");
  });
});

describe("offboarding a partner", () => {
  it("ends its relationships as a customer's removal does, its partnerships and invitations; both sides are emailed; subscriptions stay", async () => {
    await addSubscription(t.ctx.db, world.customer, "Microsoft 365 E3", world.partner);
    const approved = await ask("In force");
    await execute(approveAdminRelationship, t.ctx, world.ga, { organizationId: world.customer, relationshipId: approved.id });
    const waiting = await ask("Waiting");
    await execute(createInvitation, t.ctx, admin, { partnerId: world.partner, email: "someone@else.example", message: null, locale: "en" });
    const subscriptionsBefore = await dumpTable(t.ctx.db, "subscriptions");

    expect(
      await codeOf(
        async () =>
          await execute(offboardPartner, t.ctx, operator, {
            partnerId: world.partner,
            reason: "Left the program.",
            confirmName: "Fabrikam",
          }),
      ),
    ).toBe("VALIDATION");
    const r = await execute(offboardPartner, t.ctx, operator, {
      partnerId: world.partner,
      reason: "Left the program.",
      confirmName: "northwind",
    });
    expect(r).toMatchObject({ customersEnded: 1, invitationsWithdrawn: 1 });
    expect(await stateOf(world.partner)).toBe("offboarded");
    expect(
      (await t.ctx.db.select().from(resellerRelationships).where(eq(resellerRelationships.partnerId, world.partner))).map((x) => x.state),
    ).toEqual(["ended"]);
    const rels = new Map((await t.ctx.db.select().from(adminRelationships)).map((x) => [x.id, x.state]));
    expect(rels.get(approved.id)).toBe("terminated");
    expect(rels.get(waiting.id)).toBe("terminated");
    expect(
      (await t.ctx.db.select().from(invitations).where(eq(invitations.partnerId, world.partner))).filter((i) => i.state === "sent"),
    ).toEqual([]);
    expect(await dumpTable(t.ctx.db, "subscriptions")).toBe(subscriptionsBefore);
    const kinds = (await t.ctx.db.select().from(emailOutbox)).map((m) => `${m.kind} ${m.toAddress}`);
    expect(kinds).toContain("reseller_relationship.removed olivia@adventure.example");
    expect(kinds).toContain("partner.partnerOffboarded admin@northwind.example");
    // Both sides' logs: the operator's, the partner's, and the customer's (the ended relationship).
    const audit = (await rawAll(
      t.ctx.db,
      "select organization_id as o, customer_id as c, action as a from audit_events where action in ('partner.offboarded', 'reseller_relationship.removed')",
    )) as { o: string; c: string | null; a: string }[];
    const operatorOrg = (await rawValue(t.ctx.db, "select id from organizations where kind = 'operator'")) as string;
    expect(
      audit
        .filter((e) => e.a === "partner.offboarded")
        .map((e) => e.o)
        .sort(),
    ).toEqual([operatorOrg, world.partner].sort());
    expect(audit.some((e) => e.a === "reseller_relationship.removed" && e.c === world.customer)).toBe(true);
    // Offboarded is for good.
    expect(
      await codeOf(async () => await execute(reinstatePartner, t.ctx, operator, { partnerId: world.partner, reason: "Come back." })),
    ).toBe("PARTNER_STATE");
    expect(await codeOf(async () => await ask("After"))).toBe("PARTNER_OFFBOARDED");
  });

  it("ends a provider's partnerships with its resellers", async () => {
    const tier = await partneredProviderAndReseller(t.ctx);
    await execute(offboardPartner, t.ctx, operator, { partnerId: tier.provider, reason: "Distributor closed.", confirmName: "Contoso" });
    expect((await firstRow(t.ctx.db.select().from(partnerships).where(eq(partnerships.id, tier.partnershipId))))!.state).toBe("ended");
  });
});
