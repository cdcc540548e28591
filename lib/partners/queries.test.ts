import { describe, expect, it } from "vitest";
import { resellerRelationships } from "@/db/schema";
import { getMember } from "@/lib/auth/membership";
import { newId } from "@/lib/ids";
import { PAGE_SIZE } from "@/lib/pagination";
import { addCustomer, addMember, addPartner, testContext } from "@/lib/testing/fixtures";
import { listPartnerCustomers } from "./queries";

/** A partner with `n` customers named "Customer 1" … and one customer of another partner. */
async function partnerWithCustomers(n: number) {
  const { ctx } = await testContext();
  const partner = await addPartner(ctx.db, { name: "Northwind", domain: "northwind.example" });
  const other = await addPartner(ctx.db, { name: "Fabrikam", domain: "fabrikam.example" });
  const relate = async (partnerId: string, name: string, domain: string, i: number) => {
    const customerId = await addCustomer(ctx.db, { name, domain });
    await ctx.db.insert(resellerRelationships).values({
      id: newId("rr"),
      partnerId,
      customerId,
      state: "active",
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
      customerName: name,
      customerDomain: domain,
    });
  };
  for (let i = 1; i <= n; i++) await relate(partner, `Customer ${i}`, `customer${i}.example`, i);
  await relate(other, "Customer of another", "elsewhere.example", 0);
  const member = (await getMember(ctx.db, await addMember(ctx.db, partner, "alice@northwind.example", ["account_admin"]), partner))!;
  return { db: ctx.db, member };
}

describe("the partner's customer list", () => {
  it("counts all of the partner's customers, on every page, and only its own", async () => {
    const { db, member } = await partnerWithCustomers(2 * PAGE_SIZE + 3);
    const first = await listPartnerCustomers(db, member, { page: 1 });
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(first).toMatchObject({ hasNext: true, total: 2 * PAGE_SIZE + 3 });
    const last = await listPartnerCustomers(db, member, { page: 3 });
    expect(last.rows).toHaveLength(3);
    expect(last).toMatchObject({ hasNext: false, total: 2 * PAGE_SIZE + 3 });
    // Past the end: no rows, and the count says where the list ends.
    expect(await listPartnerCustomers(db, member, { page: 9 })).toMatchObject({ rows: [], total: 2 * PAGE_SIZE + 3 });
  });

  it("counts the matches of a search by name or domain", async () => {
    const { db, member } = await partnerWithCustomers(40);
    // "Customer 1", "Customer 10" … "Customer 19": 11 names; "customer3" matches 3 and 30–39 by domain.
    expect(await listPartnerCustomers(db, member, { page: 1, q: "Customer 1" })).toMatchObject({ total: 11, hasNext: false });
    expect((await listPartnerCustomers(db, member, { page: 1, q: "customer3" })).total).toBe(11);
    expect(await listPartnerCustomers(db, member, { page: 1, q: "elsewhere" })).toMatchObject({ rows: [], total: 0 });
    expect(await listPartnerCustomers(db, member, { page: 1, q: "customer" })).toMatchObject({ hasNext: true, total: 40 });
  });
});
