import { firstRow } from "@/db/query";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { adminRelationships, emailOutbox, resellerRelationships } from "@/db/schema";
import { requestAdminRelationshipSchema } from "@/lib/admin-relationships/schemas";
import { requestAdminRelationship } from "@/lib/admin-relationships/service";
import type { Actor } from "@/lib/auth/membership";
import { addCustomer, addMember, addPartner, addSubscription, addUser, codeOf, DAY, dumpTable, testContext } from "@/lib/testing/fixtures";
import { acceptInvitation } from "./respond";
import { inviteCustomerSchema } from "./schemas";
import { createInvitation } from "./service";
import { execute } from "@/lib/operations/execute";

let t: Awaited<ReturnType<typeof testContext>>;
let partner: string;
let agent: Actor;

beforeEach(async () => {
  t = await testContext();
  partner = await addPartner(t.ctx.db, { name: "Northwind", domain: "northwind.example" });
  agent = await addMember(t.ctx.db, partner, "agent@northwind.example", ["admin_agent"]);
});

const form = (over: Record<string, unknown> = {}) =>
  inviteCustomerSchema.parse({
    partnerId: partner,
    email: "grace@newco.example",
    locale: "en",
    includeAdmin: "on",
    name: "NewCo helpdesk",
    durationDays: "90",
    roles: ["helpdesk_administrator", "global_reader"],
    ...over,
  });

describe("admin roles riding along with a reseller invitation", () => {
  it("one email and one acceptance create the reseller relationship and an active admin relationship", async () => {
    const { token } = await execute(createInvitation, t.ctx, agent, form());
    const mail = (await firstRow(t.ctx.db.select().from(emailOutbox)))!;
    expect(mail.textBody).toContain("Accepting also gives Northwind these admin roles in your organization for 90 days:");
    expect(mail.textBody).toContain("Helpdesk Administrator");
    t.advance(DAY);
    const grace = await addUser(t.ctx.db, "grace@newco.example");
    const { customerId, adminRelationshipId } = await execute(acceptInvitation, t.ctx, grace, {
      token,
      target: "new",
      name: "NewCo",
      primaryDomain: "newco.example",
      country: "US",
      agreement: "on",
    });
    const rel = (await firstRow(t.ctx.db.select().from(adminRelationships).where(eq(adminRelationships.id, adminRelationshipId!))))!;
    expect(rel).toMatchObject({
      state: "active",
      customerId,
      name: "NewCo helpdesk",
      roles: ["helpdesk_administrator", "global_reader"],
      decidedByUserId: grace.userId,
    });
    expect(rel.endsAt!.getTime() - rel.activatedAt!.getTime()).toBe(90 * DAY);
    expect(await t.ctx.db.select().from(resellerRelationships).where(eq(resellerRelationships.customerId, customerId))).toHaveLength(1);
    const approved = (await t.ctx.db.select().from(emailOutbox).where(eq(emailOutbox.kind, "admin_relationship.approved")))
      .map((m) => m.toAddress)
      .sort();
    expect(approved).toEqual(["agent@northwind.example", "grace@newco.example"]);
  });

  it("without the box ticked, the admin fields are ignored", () => {
    const input = form({ includeAdmin: undefined, roles: undefined, name: "" });
    expect(input.adminRequest).toBeNull();
  });

  it("with the box ticked, the admin fields are validated like a request", () => {
    const parsed = inviteCustomerSchema.safeParse({
      partnerId: partner,
      email: "x@y.example",
      locale: "en",
      includeAdmin: "on",
      name: "",
      durationDays: "800",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path[0]).sort()).toEqual(["durationDays", "name", "roles"]);
  });

  it("a Sales agent may invite but not ask for admin roles", async () => {
    const sales = await addMember(t.ctx.db, partner, "sales@northwind.example", ["sales_agent"]);
    expect(await codeOf(async () => await execute(createInvitation, t.ctx, sales, form()))).toBe("FORBIDDEN");
    expect(await codeOf(async () => await execute(createInvitation, t.ctx, sales, form({ includeAdmin: undefined })))).toBe("no error");
  });

  it("the same rules as a request: Global Administrator never auto-extends; the name is reserved by the open invitation", async () => {
    expect(
      await codeOf(async () => await execute(createInvitation, t.ctx, agent, form({ roles: ["global_administrator"], autoExtend: "on" }))),
    ).toBe("AUTO_EXTEND_GLOBAL_ADMIN");
    await execute(createInvitation, t.ctx, agent, form());
    expect(
      await codeOf(
        async () => await execute(createInvitation, t.ctx, agent, form({ email: "other@newco.example", name: "NEWCO HELPDESK" })),
      ),
    ).toBe("NAME_TAKEN");
    // A customer already related to the partner: a separate request cannot take the reserved name either.
    const customer = await addCustomer(t.ctx.db, { name: "Adventure Works", domain: "adventure.example" });
    const olivia = await addMember(t.ctx.db, customer, "olivia@adventure.example", ["global_admin"]);
    const plain = await execute(createInvitation, t.ctx, agent, { partnerId: partner, email: olivia.email, message: null, locale: "en" });
    await execute(acceptInvitation, t.ctx, olivia, { token: plain.token, target: "existing", customerId: customer, agreement: "on" });
    const request = (name: string) =>
      requestAdminRelationshipSchema.parse({ partnerId: partner, customerId: customer, name, durationDays: "5", roles: ["global_reader"] });
    expect(await codeOf(async () => await execute(requestAdminRelationship, t.ctx, agent, await request("NewCo helpdesk")))).toBe(
      "NAME_TAKEN",
    );
    expect(await codeOf(async () => await execute(requestAdminRelationship, t.ctx, agent, await request("Something else")))).toBe(
      "no error",
    );
  });

  it("leaves every subscription row as it was", async () => {
    const customer = await addCustomer(t.ctx.db, { name: "Adventure Works", domain: "adventure.example" });
    const olivia = await addMember(t.ctx.db, customer, "olivia@adventure.example", ["global_admin"]);
    await addSubscription(t.ctx.db, customer, "Microsoft 365 E3", null);
    const before = await dumpTable(t.ctx.db, "subscriptions");
    const { token } = await execute(createInvitation, t.ctx, agent, form({ email: olivia.email }));
    await execute(acceptInvitation, t.ctx, olivia, { token, target: "existing", customerId: customer, agreement: "on" });
    expect(await dumpTable(t.ctx.db, "subscriptions")).toBe(before);
  });
});
