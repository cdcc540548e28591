import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { firstRow } from "@/db/query";
import { auditEvents, organizations } from "@/db/schema";
import { requireMember } from "@/lib/auth/membership";
import { listActivity } from "@/lib/audit/activity";
import { getPartnerCustomerOrThrow, listPartnerCustomers } from "@/lib/partners/queries";
import { removePartner } from "@/lib/relationships/removal";
import { removeMember } from "@/lib/team/service";
import { addMember, addOperatorMember, codeOf, relatedPartnerAndCustomer, testContext } from "@/lib/testing/fixtures";
import { operatorOrganization } from "@/lib/operator/bootstrap";
import { mayRename, renameOrganization } from "./profile";
import { renameOrganizationSchema } from "./schemas";
import { execute } from "@/lib/operations/execute";

let t: Awaited<ReturnType<typeof testContext>>;
let world: Awaited<ReturnType<typeof relatedPartnerAndCustomer>>;

const nameOf = async (id: string) => (await firstRow(t.ctx.db.select().from(organizations).where(eq(organizations.id, id))))!.name;
const renamedEvents = async (id: string) =>
  await t.ctx.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.organizationId, id), eq(auditEvents.action, "organization.renamed")));

beforeEach(async () => {
  t = await testContext();
  world = await relatedPartnerAndCustomer(t.ctx);
});

describe("renaming an organization", () => {
  it("an Account admin renames the partner; the change is audited with both names", async () => {
    const alice = await addMember(t.ctx.db, world.partner, "alice@northwind.example", ["account_admin"]);
    expect(await execute(renameOrganization, t.ctx, alice, { organizationId: world.partner, name: "Northwind Cloud" })).toEqual({
      name: "Northwind Cloud",
      changed: true,
    });
    expect(await nameOf(world.partner)).toBe("Northwind Cloud");
    expect((await renamedEvents(world.partner)).map((e) => e.details)).toEqual([{ from: "Northwind", to: "Northwind Cloud" }]);
    // The same name again changes nothing and records nothing.
    expect((await execute(renameOrganization, t.ctx, alice, { organizationId: world.partner, name: "Northwind Cloud" })).changed).toBe(
      false,
    );
    expect(await renamedEvents(world.partner)).toHaveLength(1);
  });

  it("a Global administrator renames the customer, and its partners' lists read the new name (their copy changes in the same write)", async () => {
    await execute(renameOrganization, t.ctx, world.ga, { organizationId: world.customer, name: "Adventure Works Cycles" });
    const agent = await requireMember(t.ctx.db, world.agent, world.partner, "partner");
    expect((await listPartnerCustomers(t.ctx.db, agent, { page: 1, q: "cycles" })).rows.map((r) => r.name)).toEqual([
      "Adventure Works Cycles",
    ]);
    // An event about the customer: its partners' logs show it too.
    expect((await renamedEvents(world.customer))[0]).toMatchObject({ customerId: world.customer, targetId: world.customer });
  });

  it("which moment: a partner the customer removed keeps the name it knew; its list, search, page and log show nothing of today", async () => {
    const alice = await addMember(t.ctx.db, world.partner, "alice@northwind.example", ["account_admin"]);
    await execute(removePartner, t.ctx, world.ga, { customerId: world.customer, partnerId: world.partner, scope: "everything" });
    await execute(renameOrganization, t.ctx, world.ga, { organizationId: world.customer, name: "Secret New Name" });
    const member = await requireMember(t.ctx.db, alice, world.partner, "partner");
    const names = async (q?: string) => (await listPartnerCustomers(t.ctx.db, member, { page: 1, q })).rows.map((r) => r.name);
    expect(await names()).toEqual(["Adventure Works"]);
    expect(await names("secret")).toEqual([]);
    expect((await getPartnerCustomerOrThrow(t.ctx.db, member, world.customer)).customer.name).toBe("Adventure Works");
    const log = await listActivity(t.ctx.db, member, {});
    expect(log.rows.filter((r) => r.customerId === world.customer).map((r) => r.customerName)).toContain("Adventure Works");
    expect(JSON.stringify(log.rows)).not.toContain("Secret New Name");
  });

  it("which privilege: only the Account admin and the Global administrator, never another role", async () => {
    const sales = await addMember(t.ctx.db, world.partner, "sam@northwind.example", ["sales_agent"]);
    const billing = await addMember(t.ctx.db, world.customer, "ben@adventure.example", ["billing_administrator"]);
    expect(
      await codeOf(async () => await execute(renameOrganization, t.ctx, world.agent, { organizationId: world.partner, name: "X Corp" })),
    ).toBe("FORBIDDEN");
    expect(
      await codeOf(async () => await execute(renameOrganization, t.ctx, sales, { organizationId: world.partner, name: "X Corp" })),
    ).toBe("FORBIDDEN");
    expect(
      await codeOf(async () => await execute(renameOrganization, t.ctx, billing, { organizationId: world.customer, name: "X Corp" })),
    ).toBe("FORBIDDEN");
    expect(mayRename(await requireMember(t.ctx.db, world.agent, world.partner, "partner"))).toBe(false);
    expect(mayRename(await requireMember(t.ctx.db, world.ga, world.customer, "customer"))).toBe(true);
    expect(await nameOf(world.partner)).toBe("Northwind");
    expect(await nameOf(world.customer)).toBe("Adventure Works");
  });

  it("which tenant: another organization, or one that does not exist, is not found", async () => {
    const other = await relatedPartnerAndCustomer(t.ctx, { suffix: "2" });
    const alice = await addMember(t.ctx.db, world.partner, "alice@northwind.example", ["account_admin"]);
    for (const organizationId of [other.partner, other.customer, world.customer, "org_nope"])
      expect(
        await codeOf(async () => await execute(renameOrganization, t.ctx, alice, { organizationId, name: "Taken Over" })),
        organizationId,
      ).toBe("NOT_FOUND");
    expect(await nameOf(other.partner)).toBe("Northwind");
    // The program's own organization is not renamed here, even by its operator admin.
    const priya = await addOperatorMember(t.ctx.db, "priya@program.example");
    const operatorId = (await operatorOrganization(t.ctx.db))!.id;
    expect(
      await codeOf(async () => await execute(renameOrganization, t.ctx, priya, { organizationId: operatorId, name: "New Program" })),
    ).toBe("NOT_FOUND");
  });

  it("which moment: a removed Account admin renames nothing", async () => {
    const alice = await addMember(t.ctx.db, world.partner, "alice@northwind.example", ["account_admin"]);
    const bob = await addMember(t.ctx.db, world.partner, "bob@northwind.example", ["account_admin"]);
    await execute(removeMember, t.ctx, bob, { organizationId: world.partner, userId: alice.userId });
    expect(
      await codeOf(async () => await execute(renameOrganization, t.ctx, alice, { organizationId: world.partner, name: "Gone Corp" })),
    ).toBe("NOT_FOUND");
  });

  it("a name is 2 to 120 characters, trimmed", () => {
    const parse = (name: string) => renameOrganizationSchema.safeParse({ organizationId: "org_x", name });
    expect(parse(" A ").error?.issues[0].message).toBe("nameTooShort");
    expect(parse("x".repeat(121)).error?.issues[0].message).toBe("nameTooLong");
    expect(parse("  Fabrikam  ").data?.name).toBe("Fabrikam");
  });
});
