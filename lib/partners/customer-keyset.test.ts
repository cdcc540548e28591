import { describe, expect, it } from "vitest";
import { resellerRelationships } from "@/db/schema";
import { getMember } from "@/lib/auth/membership";
import { newId } from "@/lib/ids";
import { addCustomer, addMember, addPartner, codeOf, testContext } from "@/lib/testing/fixtures";
import { customersAfter, type CustomerKey } from "./customer-keyset";
import { CUSTOMER_SORTS } from "./queries";

describe("customers by keyset", () => {
  it("page through every sort without repeating or missing a row, search included, and only the partner's own", async () => {
    const t = await testContext();
    const db = t.ctx.db;
    const partner = await addPartner(db, { name: "Northwind", domain: "northwind.example" });
    const other = await addPartner(db, { name: "Contoso", domain: "contoso.example" });
    const agent = await addMember(db, partner, "sam@northwind.example", ["sales_agent"]);
    const names = ["Delta", "alpha", "Charlie", "Bravo", "Echo", "Delta", "Foxtrot"];
    const base = Date.parse("2026-01-01T00:00:00Z");
    for (const [i, name] of names.entries()) {
      const customer = await addCustomer(db, { name, domain: `c${i}.example` });
      for (const partnerId of i === 3 ? [partner, other] : [partner]) {
        await db.insert(resellerRelationships).values({
          id: newId("rel"),
          partnerId,
          customerId: customer,
          state: i === 4 ? "ended" : "active",
          // Two share a moment: the id decides between them.
          createdAt: new Date(base + (i === 2 ? 1 : i) * 60_000),
          customerName: name,
          customerDomain: `c${i}.example`,
        });
      }
    }
    const member = (await getMember(db, agent, partner))!;
    const all = async (sort: (typeof CUSTOMER_SORTS)[number], q?: string) => {
      const seen: string[] = [];
      let after: CustomerKey | null = null;
      for (let guard = 0; guard < 10; guard++) {
        const page: Awaited<ReturnType<typeof customersAfter>> = await customersAfter(db, member, { sort, q, after, limit: 3 });
        seen.push(...page.rows.map((r) => r.name));
        if (!page.next) break;
        after = page.next;
      }
      return seen;
    };
    for (const sort of CUSTOMER_SORTS) expect((await all(sort)).length, sort).toBe(names.length);
    expect(await all("name")).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(await all("name_desc")).toEqual([...names].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
    expect(new Set(await all("oldest"))).toEqual(new Set(names));
    expect(await all("newest", "c3.example")).toEqual(["Bravo"]);
    // A cursor of the wrong kind for the sort pages from the start rather than failing.
    expect((await customersAfter(db, member, { sort: "name", after: [5, "rel_x"], limit: 50 })).rows).toHaveLength(names.length);
    const helpless = await addMember(db, partner, "ursula@northwind.example", ["user_management_admin"]);
    expect(
      await codeOf(async () => customersAfter(db, (await getMember(db, helpless, partner))!, { sort: "newest", after: null, limit: 5 })),
    ).toBe("FORBIDDEN");
  });
});
