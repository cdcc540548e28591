import { rawAll } from "@/lib/testing/raw";
import { firstRow } from "@/db/query";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { emailOutbox, subscriptions, supportAssignments } from "@/db/schema";
import type { Actor } from "@/lib/auth/membership";
import { removeCustomer, removePartner } from "@/lib/relationships/removal";
import { removalPreview } from "@/lib/relationships/removal-preview";
import { addMember, addProduct, addUser, codeOf, relatedPartnerAndCustomer, testContext } from "@/lib/testing/fixtures";
import { changeSeats, SUBSCRIPTION_STATE_CHANGES } from "./changes";
import { createSubscription, recordSubscription } from "./service";
import { execute } from "@/lib/operations/execute";

let t: Awaited<ReturnType<typeof testContext>>;
let world: Awaited<ReturnType<typeof relatedPartnerAndCustomer>>;
let product: string;
let sales: Actor;

const sell = async (by: Actor = sales, seats = 10) =>
  await execute(createSubscription, t.ctx, by, {
    partnerId: world.partner,
    customerId: world.customer,
    productId: product,
    seats,
    term: "P1Y",
  });
const row = async (id: string) => (await firstRow(t.ctx.db.select().from(subscriptions).where(eq(subscriptions.id, id))))!;

beforeEach(async () => {
  t = await testContext();
  world = await relatedPartnerAndCustomer(t.ctx);
  sales = await addMember(t.ctx.db, world.partner, "sam@northwind.example", ["sales_agent"]);
  product = await await addProduct(t.ctx.db, { name: "Microsoft 365 E3" });
});

describe("subscriptions sold by the partner of record", () => {
  it("create, change seats, suspend, reactivate, cancel: each audited on both sides and emailed to the customer", async () => {
    const sub = await sell();
    expect(await row(sub.id)).toMatchObject({
      partnerOfRecordId: world.partner,
      purchaseChannel: "partner",
      seats: 10,
      state: "active",
      term: "P1Y",
      productId: product,
    });
    expect((await row(sub.id)).termEndsAt.toISOString()).toBe("2027-01-15T10:00:00.000Z");
    await execute(changeSeats, t.ctx, sales, { organizationId: world.partner, subscriptionId: sub.id, seats: 25 });
    await execute(SUBSCRIPTION_STATE_CHANGES.suspend, t.ctx, sales, { organizationId: world.partner, subscriptionId: sub.id });
    expect(
      await codeOf(
        async () => await execute(changeSeats, t.ctx, sales, { organizationId: world.partner, subscriptionId: sub.id, seats: 30 }),
      ),
    ).toBe("SUBSCRIPTION_STATE");
    await execute(SUBSCRIPTION_STATE_CHANGES.reactivate, t.ctx, sales, { organizationId: world.partner, subscriptionId: sub.id });
    await execute(SUBSCRIPTION_STATE_CHANGES.cancel, t.ctx, sales, { organizationId: world.partner, subscriptionId: sub.id });
    expect(
      await codeOf(
        async () =>
          await execute(SUBSCRIPTION_STATE_CHANGES.reactivate, t.ctx, sales, { organizationId: world.partner, subscriptionId: sub.id }),
      ),
    ).toBe("SUBSCRIPTION_STATE");
    expect(await row(sub.id)).toMatchObject({ seats: 25, state: "cancelled" });
    const actions = (await rawAll(
      t.ctx.db,
      "select action, organization_id as o, customer_id as c from audit_events where target_id = ? order by id",
      sub.id,
    )) as { action: string; o: string; c: string }[];
    expect(actions.map((a) => a.action)).toEqual([
      "subscription.created",
      "subscription.seats_changed",
      "subscription.suspended",
      "subscription.reactivated",
      "subscription.cancelled",
    ]);
    // One row serves both logs: the partner's (its organization) and the customer's (its tenant).
    expect(actions.every((a) => a.o === world.partner && a.c === world.customer)).toBe(true);
    const mail = (await t.ctx.db.select().from(emailOutbox)).filter((m) => m.kind.startsWith("subscription."));
    expect(mail.map((m) => m.kind)).toEqual([
      "subscription.subscriptionCreated",
      "subscription.subscriptionSeats",
      "subscription.subscriptionSuspended",
      "subscription.subscriptionReactivated",
      "subscription.subscriptionCancelled",
    ]);
    expect(new Set(mail.map((m) => m.toAddress))).toEqual(new Set(["olivia@adventure.example"]));
  });

  it("which privilege: a Billing or Helpdesk agent is refused; which tenant: another partner's subscription is not found", async () => {
    const helpdesk = await addMember(t.ctx.db, world.partner, "hana@northwind.example", ["helpdesk_agent", "billing_admin"]);
    expect(await codeOf(async () => await sell(helpdesk))).toBe("FORBIDDEN");
    const other = await relatedPartnerAndCustomer(t.ctx, { suffix: "2" });
    const theirs = await execute(createSubscription, t.ctx, other.agent, {
      partnerId: other.partner,
      customerId: other.customer,
      productId: product,
      seats: 1,
      term: "P1M",
    });
    expect(
      await codeOf(
        async () => await execute(changeSeats, t.ctx, sales, { organizationId: world.partner, subscriptionId: theirs.id, seats: 2 }),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await codeOf(
        async () =>
          await execute(SUBSCRIPTION_STATE_CHANGES.cancel, t.ctx, world.agent, {
            organizationId: other.partner,
            subscriptionId: theirs.id,
          }),
      ),
    ).toBe("NOT_FOUND");
    // Not a customer of this partner: nothing to sell to.
    expect(
      await codeOf(
        async () =>
          await execute(createSubscription, t.ctx, sales, {
            partnerId: world.partner,
            customerId: other.customer,
            productId: product,
            seats: 1,
            term: "P1M",
          }),
      ),
    ).toBe("NOT_FOUND");
    // Another cloud's product is not offered here.
    const china = await await addProduct(t.ctx.db, { name: "Office 365 E3", cloud: "china" });
    expect(
      await codeOf(
        async () =>
          await execute(createSubscription, t.ctx, sales, {
            partnerId: world.partner,
            customerId: world.customer,
            productId: china,
            seats: 1,
            term: "P1M",
          }),
      ),
    ).toBe("PRODUCT_UNAVAILABLE");
    // The customer cannot change what a partner sold it.
    expect(
      await codeOf(
        async () => await execute(changeSeats, t.ctx, world.ga, { organizationId: world.customer, subscriptionId: theirs.id, seats: 2 }),
      ),
    ).toBe("NOT_FOUND");
  });

  it("which moment: once the customer removes the partner, its subscriptions stay as they were and it changes none of them", async () => {
    const sub = await sell();
    await execute(removePartner, t.ctx, world.ga, { customerId: world.customer, partnerId: world.partner, scope: "everything" });
    expect(await row(sub.id)).toMatchObject({ partnerOfRecordId: world.partner, state: "active" });
    expect(
      await codeOf(
        async () =>
          await execute(SUBSCRIPTION_STATE_CHANGES.cancel, t.ctx, sales, { organizationId: world.partner, subscriptionId: sub.id }),
      ),
    ).toBe("NOT_FOUND");
    expect(await codeOf(async () => await sell())).toBe("NOT_FOUND");
  });

  it("the removal blockers clear once the partner suspends or cancels what it sold", async () => {
    const a = await sell();
    const b = await sell();
    const partnerAdmin = await addMember(t.ctx.db, world.partner, "alice@northwind.example", ["account_admin"]);
    expect((await removalPreview(t.ctx.db, world.partner, world.customer)).blockers.map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    expect(
      await codeOf(
        async () =>
          await execute(removeCustomer, t.ctx, partnerAdmin, {
            partnerId: world.partner,
            customerId: world.customer,
            attestation: "The customer asked us to end it.",
          }),
      ),
    ).toBe("REMOVAL_BLOCKED");
    await execute(SUBSCRIPTION_STATE_CHANGES.suspend, t.ctx, sales, { organizationId: world.partner, subscriptionId: a.id });
    await execute(SUBSCRIPTION_STATE_CHANGES.cancel, t.ctx, sales, { organizationId: world.partner, subscriptionId: b.id });
    expect((await removalPreview(t.ctx.db, world.partner, world.customer)).blockers).toEqual([]);
    expect(
      (
        await execute(removeCustomer, t.ctx, partnerAdmin, {
          partnerId: world.partner,
          customerId: world.customer,
          attestation: "The customer asked us to end it.",
        })
      ).customerName,
    ).toBe("Adventure Works");
  });
});

describe("subscriptions a customer bought elsewhere", () => {
  it("its Global administrator records, changes and cancels them; no partner of record; a cancelled one loses its support", async () => {
    const sub = await execute(recordSubscription, t.ctx, world.ga, {
      customerId: world.customer,
      productId: product,
      seats: 40,
      channel: "enterprise_agreement",
      termEndsAt: new Date("2027-06-30T00:00:00Z"),
    });
    expect(await row(sub.id)).toMatchObject({ partnerOfRecordId: null, purchaseChannel: "enterprise_agreement", seats: 40 });
    await execute(changeSeats, t.ctx, world.ga, { organizationId: world.customer, subscriptionId: sub.id, seats: 45 });
    await t.ctx.db.insert(supportAssignments).values({
      id: "sup_1",
      customerId: world.customer,
      subscriptionId: sub.id,
      partnerId: world.partner,
      state: "active",
      assignedByUserId: world.ga.userId,
      createdAt: new Date(),
    });
    await execute(SUBSCRIPTION_STATE_CHANGES.cancel, t.ctx, world.ga, { organizationId: world.customer, subscriptionId: sub.id });
    expect((await firstRow(t.ctx.db.select().from(supportAssignments)))!.state).toBe("ended");
    // A partner cannot change what the customer recorded, nor a customer user.
    expect(
      await codeOf(
        async () => await execute(changeSeats, t.ctx, sales, { organizationId: world.partner, subscriptionId: sub.id, seats: 1 }),
      ),
    ).toBe("NOT_FOUND");
    const user = await addMember(t.ctx.db, world.customer, "u@adventure.example", ["user"]);
    expect(
      await codeOf(
        async () =>
          await execute(recordSubscription, t.ctx, user, {
            customerId: world.customer,
            productId: product,
            seats: 1,
            channel: "direct",
            termEndsAt: new Date("2027-06-30T00:00:00Z"),
          }),
      ),
    ).toBe("FORBIDDEN");
    expect(
      await codeOf(
        async () =>
          await execute(recordSubscription, t.ctx, await addUser(t.ctx.db, "x@y.example"), {
            customerId: world.customer,
            productId: product,
            seats: 1,
            channel: "direct",
            termEndsAt: new Date("2027-06-30T00:00:00Z"),
          }),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await codeOf(
        async () =>
          await execute(recordSubscription, t.ctx, world.ga, {
            customerId: world.customer,
            productId: product,
            seats: 1,
            channel: "direct",
            termEndsAt: new Date("2025-06-30T00:00:00Z"),
          }),
      ),
    ).toBe("VALIDATION");
  });
});
