import { rawAll, rawValue } from "@/lib/testing/raw";
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/membership";
import { addMember, addProduct, codeOf, count, dumpTable, relatedPartnerAndCustomer, testContext } from "@/lib/testing/fixtures";
import { eq } from "drizzle-orm";
import { firstRow } from "@/db/query";
import { products } from "@/db/schema";
import { importSubscriptions } from "./import";
import { readCsv } from "./import-file";
import { createSubscription } from "./service";
import { execute } from "@/lib/operations/execute";

let t: Awaited<ReturnType<typeof testContext>>;
let world: Awaited<ReturnType<typeof relatedPartnerAndCustomer>>;
let sales: Actor;

beforeEach(async () => {
  t = await testContext();
  world = await relatedPartnerAndCustomer(t.ctx);
  sales = await addMember(t.ctx.db, world.partner, "sam@northwind.example", ["sales_agent"]);
  await addProduct(t.ctx.db, { name: "Microsoft 365 E3" });
  await addProduct(t.ctx.db, { name: "Power BI Pro" });
});

const GOOD = `customer_domain,product,seats,term_ends,status
adventure.example,Microsoft 365 E3,25,2027-06-30,active
ADVENTURE.example,"power bi pro",5,2027-03-31,suspended`;

describe("importing subscriptions from CSV", () => {
  it("the dry run shows each row's errors and writes nothing", async () => {
    // adventure2.example is another partner's customer: not this partner's to import for.
    await relatedPartnerAndCustomer(t.ctx, { suffix: "2" });
    const csv = `customer_domain;product;seats;term_ends
adventure.example;Microsoft 365 E3;25;2027-06-30
adventure2.example;Microsoft 365 E3;0;2025-01-01
adventure.example;Not A Product;ten;31/12/2027
adventure.example;"Power BI Pro";3;2027-01-01`;
    const before = await dumpTable(t.ctx.db, "subscriptions");
    const plan = await execute(importSubscriptions, t.ctx, sales, { partnerId: world.partner, mode: "dry-run", file: readCsv(csv) });
    expect(plan.fileErrors).toEqual([]);
    expect(plan.rows.map((r) => [r.line, r.errors])).toEqual([
      [2, []],
      [3, ["importCustomerUnknown", "seatsInvalid", "dateInPast"]],
      [4, ["importProductUnknown", "seatsInvalid", "dateInvalid"]],
      [5, []],
    ]);
    // Importing a file with errors writes none of it.
    expect(
      (await execute(importSubscriptions, t.ctx, sales, { partnerId: world.partner, mode: "import", file: readCsv(csv) })).imported,
    ).toBe(0);
    expect(await dumpTable(t.ctx.db, "subscriptions")).toBe(before);
  });

  it("a product the operators withdrew is refused row by row, by the single sale's own rule, and nothing is written", async () => {
    await t.ctx.db.update(products).set({ available: false }).where(eq(products.nameKey, "power bi pro"));
    const before = await dumpTable(t.ctx.db, "subscriptions");
    const plan = await execute(importSubscriptions, t.ctx, sales, { partnerId: world.partner, mode: "dry-run", file: readCsv(GOOD) });
    expect(plan.rows.map((r) => [r.line, r.errors])).toEqual([
      [2, []],
      [3, ["productUnavailable"]],
    ]);
    expect(
      (await execute(importSubscriptions, t.ctx, sales, { partnerId: world.partner, mode: "import", file: readCsv(GOOD) })).imported,
    ).toBe(0);
    expect(await dumpTable(t.ctx.db, "subscriptions")).toBe(before);
    // The same product, sold one at a time, is refused the same way.
    const productId = (await firstRow(t.ctx.db.select().from(products).where(eq(products.nameKey, "power bi pro"))))!.id;
    expect(
      await codeOf(() =>
        execute(createSubscription, t.ctx, sales, {
          partnerId: world.partner,
          customerId: world.customer,
          productId,
          seats: 5,
          term: "P1Y",
        }),
      ),
    ).toBe("PRODUCT_UNAVAILABLE");
  });

  it("a clean file imports every row, with the partner as partner of record, audited, one email per customer", async () => {
    const r = await execute(importSubscriptions, t.ctx, sales, { partnerId: world.partner, mode: "import", file: readCsv(GOOD) });
    expect(r.imported).toBe(2);
    const rows = await rawAll(
      t.ctx.db,
      "select product, seats, state, partner_of_record_id as por, purchase_channel as ch from subscriptions order by product",
    );
    expect(rows).toEqual([
      { product: "Microsoft 365 E3", seats: 25, state: "active", por: world.partner, ch: "partner" },
      { product: "Power BI Pro", seats: 5, state: "suspended", por: world.partner, ch: "partner" },
    ]);
    expect(
      await rawValue(
        t.ctx.db,
        "select cast(count(*) as integer) from audit_events where action = 'subscription.imported' and customer_id = ?",
        world.customer,
      ),
    ).toBe(2);
    expect(
      await rawValue(t.ctx.db, "select cast(count(*) as integer) from email_outbox where kind = 'subscription.subscriptionsImported'"),
    ).toBe(1);
  });

  it("refuses files it cannot read, and people who may not sell", async () => {
    expect(
      (
        await execute(importSubscriptions, t.ctx, sales, {
          partnerId: world.partner,
          mode: "dry-run",
          file: readCsv('customer_domain,product\n"unclosed,x'),
        })
      ).fileErrors,
    ).toEqual(["csvInvalid"]);
    expect(
      (
        await execute(importSubscriptions, t.ctx, sales, {
          partnerId: world.partner,
          mode: "dry-run",
          file: readCsv("domain,product,seats\nx,y,1"),
        })
      ).fileErrors,
    ).toEqual(["csvColumns"]);
    expect(
      (
        await execute(importSubscriptions, t.ctx, sales, {
          partnerId: world.partner,
          mode: "dry-run",
          file: readCsv("customer_domain,product,seats,term_ends\n"),
        })
      ).fileErrors,
    ).toEqual(["csvEmpty"]);
    const many = [
      "customer_domain,product,seats,term_ends",
      ...Array.from({ length: 1001 }, () => "adventure.example,Power BI Pro,1,2027-01-01"),
    ].join("\n");
    expect(
      (await execute(importSubscriptions, t.ctx, sales, { partnerId: world.partner, mode: "dry-run", file: readCsv(many) })).fileErrors,
    ).toEqual(["csvTooManyRows"]);
    const helpdesk = await addMember(t.ctx.db, world.partner, "h@northwind.example", ["helpdesk_agent"]);
    expect(
      await codeOf(
        async () => await execute(importSubscriptions, t.ctx, helpdesk, { partnerId: world.partner, mode: "import", file: readCsv(GOOD) }),
      ),
    ).toBe("FORBIDDEN");
    expect(
      await codeOf(
        async () => await execute(importSubscriptions, t.ctx, world.ga, { partnerId: world.partner, mode: "import", file: readCsv(GOOD) }),
      ),
    ).toBe("NOT_FOUND");
    expect(await count(t.ctx.db, "subscriptions")).toBe(0);
  });
});
