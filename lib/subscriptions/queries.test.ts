import { beforeEach, describe, expect, it } from "vitest";
import { requireMember, type Actor } from "@/lib/auth/membership";
import { removePartner } from "@/lib/relationships/removal";
import { addMember, addProduct, addSubscription, codeOf, relatedPartnerAndCustomer, testContext } from "@/lib/testing/fixtures";
import { PAGE_SIZE } from "@/lib/pagination";
import { iteratePartnerSubscriptions, listPartnerSubscriptions } from "./queries";
import { SUBSCRIPTION_STATE_CHANGES } from "./changes";
import { createSubscription } from "./service";
import { execute } from "@/lib/operations/execute";

let t: Awaited<ReturnType<typeof testContext>>;
let world: Awaited<ReturnType<typeof relatedPartnerAndCustomer>>;
let other: Awaited<ReturnType<typeof relatedPartnerAndCustomer>>;
let product: string;
let sales: Actor;
let billing: Actor;

const list = async (actor: Actor, opts: Parameters<typeof listPartnerSubscriptions>[2] = { page: 1 }, partner = world.partner) =>
  await listPartnerSubscriptions(t.ctx.db, await requireMember(t.ctx.db, actor, partner, "partner"), opts);
const sell = async (seats = 10) =>
  await execute(createSubscription, t.ctx, sales, {
    partnerId: world.partner,
    customerId: world.customer,
    productId: product,
    seats,
    term: "P1Y",
  });

beforeEach(async () => {
  t = await testContext();
  world = await relatedPartnerAndCustomer(t.ctx);
  other = await relatedPartnerAndCustomer(t.ctx, { suffix: "2" });
  sales = await addMember(t.ctx.db, world.partner, "sam@northwind.example", ["sales_agent"]);
  billing = await addMember(t.ctx.db, world.partner, "bill@northwind.example", ["billing_admin"]);
  product = await addProduct(t.ctx.db, { name: "Microsoft 365 E3" });
});

describe("the partner's subscriptions page", () => {
  it("lists what the partner sold, newest first, for a Billing admin too, with the customer's name and a count", async () => {
    const first = await sell(5);
    t.advance(60_000);
    const second = await sell(7);
    const page = await list(billing);
    expect(page.rows.map((r) => [r.id, r.seats, r.customerName, r.customerDomain])).toEqual([
      [second.id, 7, "Adventure Works", "adventure.example"],
      [first.id, 5, "Adventure Works", "adventure.example"],
    ]);
    expect(page.total).toBe(2);
  });

  it("filters by status, and pages with a count of every row", async () => {
    const subs = [];
    for (let i = 0; i < PAGE_SIZE + 2; i++) {
      subs.push(await sell());
      t.advance(1000);
    }
    await execute(SUBSCRIPTION_STATE_CHANGES.suspend, t.ctx, sales, { organizationId: world.partner, subscriptionId: subs[0].id });
    expect((await list(billing, { page: 1, state: "suspended" })).rows.map((r) => r.id)).toEqual([subs[0].id]);
    expect((await list(billing, { page: 1, state: "cancelled" })).rows).toEqual([]);
    const [one, two] = [await list(billing, { page: 1 }), await list(billing, { page: 2 })];
    expect([one.rows.length, one.hasNext, one.total]).toEqual([PAGE_SIZE, true, PAGE_SIZE + 2]);
    expect([two.rows.length, two.hasNext, two.total]).toEqual([2, false, PAGE_SIZE + 2]);
  });

  it("searches the customer's name and domain and the product, with % and _ taken literally, and the export takes the same search", async () => {
    const e3 = await sell();
    const defender = await execute(createSubscription, t.ctx, sales, {
      partnerId: world.partner,
      customerId: world.customer,
      productId: await addProduct(t.ctx.db, { name: "Defender 100% Plan" }),
      seats: 1,
      term: "P1Y",
    });
    const ids = async (q: string) => (await list(billing, { page: 1, q })).rows.map((r) => r.id).sort();
    expect(await ids("adventure works")).toEqual([e3.id, defender.id].sort());
    expect(await ids("ADVENTURE.example")).toEqual([e3.id, defender.id].sort());
    expect(await ids("defender")).toEqual([defender.id]);
    expect(await ids("100%")).toEqual([defender.id]);
    expect(await ids("1_0")).toEqual([]);
    expect(await list(billing, { page: 1, q: "nothing like it" })).toMatchObject({ rows: [], total: 0 });
    const member = await requireMember(t.ctx.db, billing, world.partner, "partner");
    const exported: string[] = [];
    for await (const row of iteratePartnerSubscriptions(t.ctx.db, member, { q: "defender" })) exported.push(row.id);
    expect(exported).toEqual([defender.id]);
  });

  it("the export reads the whole list in batches by keyset, each row once, even with a sale in the middle of it", async () => {
    const subs = [];
    for (let i = 0; i < 5; i++) {
      subs.push(await sell());
      if (i !== 2) t.advance(1000); // two sold in the same millisecond: the id decides between them
    }
    const member = await requireMember(t.ctx.db, billing, world.partner, "partner");
    const seen: string[] = [];
    for await (const row of iteratePartnerSubscriptions(t.ctx.db, member, {}, 2)) {
      seen.push(row.id);
      if (seen.length === 1) await sell(); // newer than every row left: not in this export
    }
    expect(seen).toEqual((await list(billing)).rows.slice(1).map((r) => r.id));
    expect(new Set(seen)).toEqual(new Set(subs.map((s) => s.id)));
  });

  it("which privilege: a member without subscriptions.read is refused (User management admin), by the list and by the export", async () => {
    const users = await addMember(t.ctx.db, world.partner, "uma@northwind.example", ["user_management_admin"]);
    expect(await codeOf(async () => await list(users))).toBe("FORBIDDEN");
    const member = await requireMember(t.ctx.db, users, world.partner, "partner");
    expect(await codeOf(async () => await iteratePartnerSubscriptions(t.ctx.db, member, {}).next())).toBe("FORBIDDEN");
  });

  it("which tenant: another partner's subscriptions never show, and its organization is not found", async () => {
    await sell();
    // The other partner sold to its own customer; a subscription another partner sold to this customer is not this partner's either.
    await addSubscription(t.ctx.db, other.customer, product, other.partner);
    await addSubscription(t.ctx.db, world.customer, product, null);
    expect((await list(billing)).rows).toHaveLength(1);
    expect((await list(other.agent, { page: 1 }, other.partner)).rows.map((r) => r.customerName)).toEqual(["Adventure Works"]);
    expect(await codeOf(async () => await list(billing, { page: 1 }, other.partner))).toBe("NOT_FOUND");
  });

  it("which moment: once the customer removes the partner, its subscriptions leave the list, though they stay the partner's", async () => {
    await sell();
    await execute(removePartner, t.ctx, world.ga, { customerId: world.customer, partnerId: world.partner, scope: "everything" });
    expect(await list(billing)).toMatchObject({ rows: [], total: 0 });
  });
});
