import { describe, expect, it } from "vitest";
import { addMember, addPartner, codeOf, testContext } from "@/lib/testing/fixtures";
import { requirePermission } from "./membership";
import { CUSTOMER_PERMISSIONS, hasPermission, PARTNER_PERMISSIONS, permissionsOf } from "./permissions";
import { CUSTOMER_ROLES, PARTNER_ROLES } from "@/db/values/roles";

describe("permissions", () => {
  it("send invitations: Admin agent, Sales agent, Account admin; not Billing admin or Helpdesk agent", () => {
    const allowed = PARTNER_ROLES.filter((r) => hasPermission([r], "invitations.write"));
    expect(allowed.sort()).toEqual(["account_admin", "admin_agent", "sales_agent"]);
  });

  it("Helpdesk agents see customers and invitations and record support; they change no relationship", () => {
    expect(permissionsOf(["helpdesk_agent"]).sort()).toEqual([
      "activity.read",
      "customers.read",
      "invitations.read",
      "partnerships.read",
      "subscriptions.read",
      "support.write",
    ]);
  });

  it("several roles hold the union of their permissions", () => {
    const both = permissionsOf(["billing_admin", "helpdesk_agent"]);
    expect(both).toContain("subscriptions.read");
    expect(both).toContain("customers.read");
    expect(both).not.toContain("invitations.write");
    expect(permissionsOf(["billing_admin", "sales_agent"])).toContain("invitations.write");
  });

  it("only a customer's Global administrator accepts", () => {
    expect(hasPermission(["global_admin"], "customer.relationships.accept")).toBe(true);
    expect(hasPermission(["billing_administrator"], "customer.relationships.accept")).toBe(false);
    expect(hasPermission(["user"], "customer.relationships.accept")).toBe(false);
  });

  it("partner and customer roles are disjoint, and neither holds the other's permissions", () => {
    expect(PARTNER_ROLES.filter((r) => (CUSTOMER_ROLES as readonly string[]).includes(r))).toEqual([]);
    for (const p of Object.keys(CUSTOMER_PERMISSIONS) as (keyof typeof CUSTOMER_PERMISSIONS)[])
      expect(hasPermission([...PARTNER_ROLES], p)).toBe(false);
    for (const p of Object.keys(PARTNER_PERMISSIONS) as (keyof typeof PARTNER_PERMISSIONS)[])
      expect(hasPermission([...CUSTOMER_ROLES], p)).toBe(false);
  });

  it("requirePermission: a member without it is refused, a non-member gets not found", async () => {
    const { ctx } = await testContext();
    const partner = await addPartner(ctx.db, { name: "Northwind", domain: "northwind.example" });
    const other = await addPartner(ctx.db, { name: "Fabrikam", domain: "fabrikam.example" });
    const billing = await addMember(ctx.db, partner, "bill@northwind.example", ["billing_admin"]);
    expect(await codeOf(async () => await requirePermission(ctx.db, billing, partner, "invitations.write"))).toBe("FORBIDDEN");
    expect(await codeOf(async () => await requirePermission(ctx.db, billing, other, "invitations.write"))).toBe("NOT_FOUND");
    expect(await codeOf(async () => await requirePermission(ctx.db, billing, partner, "customer.dashboard.read"))).toBe("NOT_FOUND");
    expect((await requirePermission(ctx.db, billing, partner, "subscriptions.read")).organization.id).toBe(partner);
  });
});
