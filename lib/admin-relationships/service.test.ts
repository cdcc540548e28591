import { rawOne } from "@/lib/testing/raw";
import { firstRow } from "@/db/query";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { adminRelationships, emailOutbox } from "@/db/schema";
import type { Actor } from "@/lib/auth/membership";
import {
  addCustomer,
  addMember,
  addSubscription,
  codeOf,
  count,
  DAY,
  dumpTable,
  relatedPartnerAndCustomer,
  testContext,
} from "@/lib/testing/fixtures";
import { requestAdminRelationshipSchema } from "./schemas";
import { approveAdminRelationship, rejectAdminRelationship, requestAdminRelationship, terminateAdminRelationship } from "./service";
import { execute } from "@/lib/operations/execute";

let t: Awaited<ReturnType<typeof testContext>>;
let partner: string;
let customer: string;
let agent: Actor;
let ga: Actor;

/** A partner with an active reseller relationship to a customer, through the real invitation flow. */
async function related(cloud: "global" | "usgov" = "global") {
  ({ partner, agent, customer, ga } = await relatedPartnerAndCustomer(t.ctx, { cloud, suffix: `-${cloud}` }));
}

async function request(over: Record<string, unknown> = {}) {
  const input = requestAdminRelationshipSchema.parse({
    partnerId: partner,
    customerId: customer,
    name: "Helpdesk 2027",
    durationDays: "365",
    roles: ["helpdesk_administrator", "global_reader"],
    ...over,
  });
  return await execute(requestAdminRelationship, t.ctx, agent, input);
}

beforeEach(async () => {
  t = await testContext();
  await related();
});

describe("requesting", () => {
  it("creates the request waiting for approval and emails the customer's Global administrators", async () => {
    const { id } = await request();
    const row = (await firstRow(t.ctx.db.select().from(adminRelationships).where(eq(adminRelationships.id, id))))!;
    expect(row).toMatchObject({
      state: "approvalPending",
      durationDays: 365,
      autoExtend: false,
      roles: ["helpdesk_administrator", "global_reader"],
    });
    const mail = (await firstRow(t.ctx.db.select().from(emailOutbox).where(eq(emailOutbox.kind, "admin_relationship.requested"))))!;
    expect(mail.toAddress).toBe(ga.email);
    expect(mail.textBody).toContain(`/customer/${customer}/admin-relationships/${id}`);
    expect(mail.textBody).toContain("Helpdesk Administrator");
  });

  it("refuses auto-extend together with Global Administrator", async () => {
    expect(await codeOf(async () => await request({ roles: ["global_administrator"], autoExtend: "on" }))).toBe("AUTO_EXTEND_GLOBAL_ADMIN");
    expect(await codeOf(async () => await request({ roles: ["global_reader"], autoExtend: "on" }))).toBe("no error");
  });

  it("keeps names unique per partner whatever their case, and at most 50 characters", async () => {
    await request({ name: "Helpdesk 2027" });
    expect(await codeOf(async () => await request({ name: "HELPDESK 2027" }))).toBe("NAME_TAKEN");
    expect(
      requestAdminRelationshipSchema.safeParse({
        partnerId: partner,
        customerId: customer,
        name: "x".repeat(51),
        durationDays: "1",
        roles: ["global_reader"],
      }).success,
    ).toBe(false);
    expect(
      requestAdminRelationshipSchema.safeParse({
        partnerId: partner,
        customerId: customer,
        name: "x".repeat(50),
        durationDays: "1",
        roles: ["global_reader"],
      }).success,
    ).toBe(true);
  });

  it("accepts durations from 1 day to 2 years only, and at least one known role", () => {
    const parse = (durationDays: string, roles: unknown = ["global_reader"]) =>
      requestAdminRelationshipSchema.safeParse({ partnerId: partner, customerId: customer, name: "n", durationDays, roles }).success;
    expect([parse("0"), parse("1"), parse("730"), parse("731"), parse("1.5"), parse("abc")]).toEqual([
      false,
      true,
      true,
      false,
      false,
      false,
    ]);
    // No box ticked: the form sends no "roles" key at all.
    expect(
      requestAdminRelationshipSchema.safeParse({ partnerId: partner, customerId: customer, name: "n", durationDays: "30" }).success,
    ).toBe(false);
    expect(parse("30", ["not_a_role"])).toBe(false);
  });

  it("only an Admin agent of a partner related to the customer may ask", async () => {
    const sales = await addMember(t.ctx.db, partner, "sales@northwind-global.example", ["sales_agent"]);
    const input = requestAdminRelationshipSchema.parse({
      partnerId: partner,
      customerId: customer,
      name: "x",
      durationDays: "10",
      roles: ["global_reader"],
    });
    expect(await codeOf(async () => await execute(requestAdminRelationship, t.ctx, sales, input))).toBe("FORBIDDEN");
    const stranger = await addCustomer(t.ctx.db, { name: "Fourth Coffee", domain: "fourthcoffee.example" });
    expect(await codeOf(async () => await execute(requestAdminRelationship, t.ctx, agent, { ...input, customerId: stranger }))).toBe(
      "NOT_FOUND",
    );
  });

  it("is not available in the US Government cloud", async () => {
    await related("usgov");
    expect(await codeOf(async () => await request())).toBe("ADMIN_RELATIONSHIPS_UNAVAILABLE");
  });
});

describe("deciding and ending", () => {
  it("approval starts the clock: ends = activation + duration; both sides are told", async () => {
    const { id } = await request({ durationDays: "90" });
    t.advance(3 * DAY);
    const active = await execute(approveAdminRelationship, t.ctx, ga, { organizationId: customer, relationshipId: id });
    expect(active.state).toBe("active");
    expect(active.endsAt!.getTime() - active.activatedAt!.getTime()).toBe(90 * DAY);
    const approvedTo = (await t.ctx.db.select().from(emailOutbox).where(eq(emailOutbox.kind, "admin_relationship.approved")))
      .map((m) => m.toAddress)
      .sort();
    expect(approvedTo).toEqual([agent.email, ga.email].sort());
  });

  it("only a Global administrator approves; a second decision is refused", async () => {
    await addSubscription(t.ctx.db, customer, "Azure plan", null);
    const subscriptions = await dumpTable(t.ctx.db, "subscriptions");
    const { id } = await request();
    const billing = await addMember(t.ctx.db, customer, "ben@adventure-global.example", ["billing_administrator"]);
    expect(
      await codeOf(async () => await execute(approveAdminRelationship, t.ctx, billing, { organizationId: customer, relationshipId: id })),
    ).toBe("FORBIDDEN");
    expect(
      await codeOf(async () => await execute(approveAdminRelationship, t.ctx, agent, { organizationId: partner, relationshipId: id })),
    ).toBe("NOT_FOUND");
    await execute(rejectAdminRelationship, t.ctx, ga, { organizationId: customer, relationshipId: id });
    expect(
      await codeOf(async () => await execute(approveAdminRelationship, t.ctx, ga, { organizationId: customer, relationshipId: id })),
    ).toBe("INVALID_TRANSITION");
    expect(await dumpTable(t.ctx.db, "subscriptions")).toBe(subscriptions);
  });

  it("another customer's Global administrator cannot see or decide it", async () => {
    const { id } = await request();
    const other = await addCustomer(t.ctx.db, { name: "Fourth Coffee", domain: "fourthcoffee.example" });
    const diego = await addMember(t.ctx.db, other, "diego@fourthcoffee.example", ["global_admin"]);
    expect(
      await codeOf(async () => await execute(approveAdminRelationship, t.ctx, diego, { organizationId: other, relationshipId: id })),
    ).toBe("NOT_FOUND");
    expect(
      await codeOf(async () => await execute(approveAdminRelationship, t.ctx, diego, { organizationId: customer, relationshipId: id })),
    ).toBe("NOT_FOUND");
  });

  it("either side terminates an active relationship; the reseller relationship and subscriptions stay", async () => {
    await addSubscription(t.ctx.db, customer, "Microsoft 365 E3", partner);
    const subscriptions = await dumpTable(t.ctx.db, "subscriptions");
    const first = (await request({ name: "A" })).id;
    const second = (await request({ name: "B" })).id;
    await execute(approveAdminRelationship, t.ctx, ga, { organizationId: customer, relationshipId: first });
    await execute(approveAdminRelationship, t.ctx, ga, { organizationId: customer, relationshipId: second });
    expect((await execute(terminateAdminRelationship, t.ctx, agent, { organizationId: partner, relationshipId: first })).state).toBe(
      "terminated",
    );
    expect((await execute(terminateAdminRelationship, t.ctx, ga, { organizationId: customer, relationshipId: second })).state).toBe(
      "terminated",
    );
    expect(
      await codeOf(async () => await execute(terminateAdminRelationship, t.ctx, ga, { organizationId: customer, relationshipId: second })),
    ).toBe("INVALID_TRANSITION");
    expect(await dumpTable(t.ctx.db, "subscriptions")).toBe(subscriptions);
    expect(await count(t.ctx.db, "reseller_relationships")).toBe(1);
    expect(await rawOne(t.ctx.db, "select state from reseller_relationships")).toEqual({ state: "active" });
  });

  it("a pending request cannot be terminated (it is rejected instead)", async () => {
    const { id } = await request();
    expect(
      await codeOf(async () => await execute(terminateAdminRelationship, t.ctx, ga, { organizationId: customer, relationshipId: id })),
    ).toBe("INVALID_TRANSITION");
  });
});
