import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/membership";
import { assignSupport } from "@/lib/support/service";
import { approveAdminRelationship, requestAdminRelationship } from "@/lib/admin-relationships/service";
import { requestAdminRelationshipSchema } from "@/lib/admin-relationships/schemas";
import { recordSubscription } from "@/lib/subscriptions/service";
import { addMember, addOperatorMember, addPartner, codeOf, count, relatedPartnerAndCustomer, testContext } from "@/lib/testing/fixtures";
import { addProduct, changeProduct, removeProduct } from "./service";
import { execute } from "@/lib/operations/execute";

let t: Awaited<ReturnType<typeof testContext>>;
let admin: Actor;

beforeEach(async () => {
  t = await testContext();
  admin = await addOperatorMember(t.ctx.db, "ops@program.example");
});

describe("the product catalog", () => {
  it("names are unique per cloud whatever their case; the same name lives in another cloud", async () => {
    await execute(addProduct, t.ctx, admin, { cloud: "global", name: "Microsoft 365 E3", supportable: true });
    expect(
      await codeOf(async () => await execute(addProduct, t.ctx, admin, { cloud: "global", name: "microsoft 365 e3", supportable: false })),
    ).toBe("PRODUCT_TAKEN");
    expect((await execute(addProduct, t.ctx, admin, { cloud: "china", name: "Microsoft 365 E3", supportable: false })).cloud).toBe("china");
  });

  it("a product sold cannot be removed, only stopped; one never sold goes", async () => {
    const world = await relatedPartnerAndCustomer(t.ctx);
    const sold = await execute(addProduct, t.ctx, admin, { cloud: "global", name: "Power BI Pro", supportable: true });
    const unused = await execute(addProduct, t.ctx, admin, { cloud: "global", name: "Visio Plan 2", supportable: true });
    await execute(recordSubscription, t.ctx, world.ga, {
      customerId: world.customer,
      productId: sold.id,
      seats: 3,
      channel: "direct",
      termEndsAt: new Date("2027-06-30T00:00:00Z"),
    });
    expect(await codeOf(async () => await execute(removeProduct, t.ctx, admin, { productId: sold.id }))).toBe("PRODUCT_IN_USE");
    expect(
      (await execute(changeProduct, t.ctx, admin, { productId: sold.id, name: "Power BI Pro", supportable: true, available: false }))
        .available,
    ).toBe(false);
    await execute(removeProduct, t.ctx, admin, { productId: unused.id });
    expect(await count(t.ctx.db, "products")).toBe(1);
  });

  it("only an operator admin edits it: a partner manager is refused, a partner finds nothing", async () => {
    const manager = await addOperatorMember(t.ctx.db, "pm@program.example", ["partner_manager"]);
    expect(await codeOf(async () => await execute(addProduct, t.ctx, manager, { cloud: "global", name: "Teams", supportable: true }))).toBe(
      "FORBIDDEN",
    );
    const partner = await addPartner(t.ctx.db, { name: "Northwind", domain: "northwind.example" });
    const pa = await addMember(t.ctx.db, partner, "a@northwind.example", ["account_admin"]);
    expect(await codeOf(async () => await execute(addProduct, t.ctx, pa, { cloud: "global", name: "Teams", supportable: true }))).toBe(
      "NOT_FOUND",
    );
    expect(await count(t.ctx.db, "products")).toBe(0);
  });

  it("a product marked not supportable cannot be assigned to another partner for support (multi-channel)", async () => {
    const world = await relatedPartnerAndCustomer(t.ctx);
    const fixed = await execute(addProduct, t.ctx, admin, { cloud: "global", name: "Dynamics 365 Sales", supportable: false });
    const sub = await execute(recordSubscription, t.ctx, world.ga, {
      customerId: world.customer,
      productId: fixed.id,
      seats: 3,
      channel: "enterprise_agreement",
      termEndsAt: new Date("2027-06-30T00:00:00Z"),
    });
    const rel = await execute(
      requestAdminRelationship,
      t.ctx,
      world.agent,
      requestAdminRelationshipSchema.parse({
        partnerId: world.partner,
        customerId: world.customer,
        name: "Support",
        durationDays: "90",
        roles: ["global_reader"],
      }),
    );
    await execute(approveAdminRelationship, t.ctx, world.ga, { organizationId: world.customer, relationshipId: rel.id });
    expect(
      await codeOf(
        async () =>
          await execute(assignSupport, t.ctx, world.ga, { customerId: world.customer, subscriptionId: sub.id, partnerId: world.partner }),
      ),
    ).toBe("NOT_SUPPORTABLE");
    await execute(changeProduct, t.ctx, admin, { productId: fixed.id, name: fixed.name, supportable: true, available: true });
    expect(
      (await execute(assignSupport, t.ctx, world.ga, { customerId: world.customer, subscriptionId: sub.id, partnerId: world.partner }))
        .partnerName,
    ).toBe("Northwind");
  });
});
