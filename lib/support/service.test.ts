import { firstRow } from "@/db/query";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditEvents, subscriptions, supportActions, supportAssignments } from "@/db/schema";
import { requestAdminRelationshipSchema } from "@/lib/admin-relationships/schemas";
import { approveAdminRelationship, requestAdminRelationship, terminateAdminRelationship } from "@/lib/admin-relationships/service";
import type { Actor } from "@/lib/auth/membership";
import { removePartner } from "@/lib/relationships/removal";
import { addMember, addSubscription, codeOf, dumpTable, relatedPartnerAndCustomer, testContext } from "@/lib/testing/fixtures";
import { assignSupport, endSupport, recordSupportAction } from "./service";
import { execute } from "@/lib/operations/execute";

let t: Awaited<ReturnType<typeof testContext>>;
let partner: string;
let customer: string;
let agent: Actor;
let ga: Actor;

beforeEach(async () => {
  t = await testContext();
  ({ partner, agent, customer, ga } = await relatedPartnerAndCustomer(t.ctx));
});

async function adminRelationship() {
  const { id } = await execute(
    requestAdminRelationship,
    t.ctx,
    agent,
    requestAdminRelationshipSchema.parse({
      partnerId: partner,
      customerId: customer,
      name: `Ops ${Math.random()}`,
      durationDays: "90",
      roles: ["global_reader"],
    }),
  );
  await execute(approveAdminRelationship, t.ctx, ga, { organizationId: customer, relationshipId: id });
  return id;
}

async function directSubscription() {
  await addSubscription(t.ctx.db, customer, "Dynamics 365 Sales", null);
  return (await firstRow(t.ctx.db.select().from(subscriptions).where(eq(subscriptions.product, "Dynamics 365 Sales"))))!.id;
}

describe("multi-channel support assignments", () => {
  it("the Global administrator assigns a directly bought subscription to a partner with admin roles; the subscription never changes", async () => {
    const sub = await directSubscription();
    const before = await dumpTable(t.ctx.db, "subscriptions");
    expect(
      await codeOf(async () => await execute(assignSupport, t.ctx, ga, { customerId: customer, subscriptionId: sub, partnerId: partner })),
    ).toBe("SUPPORT_NEEDS_ADMIN_RELATIONSHIP");
    await adminRelationship();
    const billing = await addMember(t.ctx.db, customer, "ben@adventure.example", ["billing_administrator"]);
    expect(
      await codeOf(
        async () => await execute(assignSupport, t.ctx, billing, { customerId: customer, subscriptionId: sub, partnerId: partner }),
      ),
    ).toBe("FORBIDDEN");
    await execute(assignSupport, t.ctx, ga, { customerId: customer, subscriptionId: sub, partnerId: partner });
    expect((await t.ctx.db.select().from(supportAssignments)).map((a) => [a.partnerId, a.state])).toEqual([[partner, "active"]]);
    expect(await dumpTable(t.ctx.db, "subscriptions")).toBe(before);
    const audited = (await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, "support.assigned"))).map(
      (e) => e.organizationId,
    );
    expect(audited.sort()).toEqual([customer, partner].sort());
  });

  it("is for subscriptions bought elsewhere: the partner of record already supports its own", async () => {
    await adminRelationship();
    await addSubscription(t.ctx.db, customer, "Microsoft 365 E3", partner);
    const sub = (await firstRow(t.ctx.db.select().from(subscriptions).where(eq(subscriptions.product, "Microsoft 365 E3"))))!.id;
    expect(
      await codeOf(async () => await execute(assignSupport, t.ctx, ga, { customerId: customer, subscriptionId: sub, partnerId: partner })),
    ).toBe("SUPPORT_PARTNER_OF_RECORD");
  });

  it("another tenant's subscription or a partner the customer does not work with is not found", async () => {
    await adminRelationship();
    const other = await relatedPartnerAndCustomer(t.ctx, { suffix: "2" });
    await addSubscription(t.ctx.db, other.customer, "Foreign", null);
    const foreign = (await firstRow(t.ctx.db.select().from(subscriptions).where(eq(subscriptions.product, "Foreign"))))!.id;
    expect(
      await codeOf(
        async () => await execute(assignSupport, t.ctx, ga, { customerId: customer, subscriptionId: foreign, partnerId: partner }),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await codeOf(
        async () =>
          await execute(assignSupport, t.ctx, ga, {
            customerId: customer,
            subscriptionId: await directSubscription(),
            partnerId: other.partner,
          }),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await codeOf(
        async () => await execute(assignSupport, t.ctx, other.ga, { customerId: customer, subscriptionId: foreign, partnerId: partner }),
      ),
    ).toBe("NOT_FOUND");
  });

  it("the partner records support actions; another partner cannot; ending support stops them", async () => {
    await adminRelationship();
    const { assignment } = await execute(assignSupport, t.ctx, ga, {
      customerId: customer,
      subscriptionId: await directSubscription(),
      partnerId: partner,
    });
    const helpdesk = await addMember(t.ctx.db, partner, "hana@northwind.example", ["helpdesk_agent"]);
    await execute(recordSupportAction, t.ctx, helpdesk, { partnerId: partner, assignmentId: assignment.id, note: "Provisioned 5 seats" });
    const other = await relatedPartnerAndCustomer(t.ctx, { suffix: "3" });
    expect(
      await codeOf(
        async () =>
          await execute(recordSupportAction, t.ctx, other.agent, {
            partnerId: other.partner,
            assignmentId: assignment.id,
            note: "Not mine",
          }),
      ),
    ).toBe("NOT_FOUND");
    const sales = await addMember(t.ctx.db, partner, "sam@northwind.example", ["sales_agent"]);
    expect(
      await codeOf(
        async () => await execute(recordSupportAction, t.ctx, sales, { partnerId: partner, assignmentId: assignment.id, note: "Sales" }),
      ),
    ).toBe("FORBIDDEN");
    await execute(endSupport, t.ctx, ga, { customerId: customer, assignmentId: assignment.id });
    expect(
      await codeOf(
        async () =>
          await execute(recordSupportAction, t.ctx, helpdesk, { partnerId: partner, assignmentId: assignment.id, note: "Too late" }),
      ),
    ).toBe("SUPPORT_ENDED");
    expect((await t.ctx.db.select().from(supportActions)).map((a) => a.note)).toEqual(["Provisioned 5 seats"]);
  });

  it("ends when the partner's last admin relationship ends, or when the customer removes its admin roles", async () => {
    const first = await adminRelationship();
    const second = await adminRelationship();
    await execute(assignSupport, t.ctx, ga, { customerId: customer, subscriptionId: await directSubscription(), partnerId: partner });
    await execute(terminateAdminRelationship, t.ctx, ga, { organizationId: customer, relationshipId: first });
    expect((await firstRow(t.ctx.db.select().from(supportAssignments)))!.state).toBe("active");
    await execute(terminateAdminRelationship, t.ctx, ga, { organizationId: customer, relationshipId: second });
    expect((await firstRow(t.ctx.db.select().from(supportAssignments)))!.state).toBe("ended");

    await adminRelationship();
    await addSubscription(t.ctx.db, customer, "Power BI Pro", null);
    const powerBi = (await firstRow(t.ctx.db.select().from(subscriptions).where(eq(subscriptions.product, "Power BI Pro"))))!.id;
    await execute(assignSupport, t.ctx, ga, { customerId: customer, subscriptionId: powerBi, partnerId: partner });
    const relationships = await dumpTable(t.ctx.db, "reseller_relationships");
    await execute(removePartner, t.ctx, ga, { customerId: customer, partnerId: partner, scope: "admin_roles" });
    expect((await firstRow(t.ctx.db.select().from(supportAssignments).where(eq(supportAssignments.subscriptionId, powerBi))))!.state).toBe(
      "ended",
    );
    // The reseller relationship stays: only the admin roles went.
    expect(await dumpTable(t.ctx.db, "reseller_relationships")).toBe(relationships);
  });
});
