import { firstRow } from "@/db/query";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { adminRelationships, auditEvents, emailOutbox } from "@/db/schema";
import { unnamedActor } from "@/lib/audit/actions";
import type { Actor } from "@/lib/auth/membership";
import { addSubscription, DAY, dumpTable, relatedPartnerAndCustomer, signedInAt, testContext } from "@/lib/testing/fixtures";
import { canAutoExtend, runAdminRelationshipJobs } from "./jobs";
import { requestAdminRelationshipSchema } from "./schemas";
import { approveAdminRelationship, requestAdminRelationship } from "./service";
import { execute } from "@/lib/operations/execute";

let t: Awaited<ReturnType<typeof testContext>>;
let partner: string;
let customer: string;
let agent: Actor;
let ga: Actor;

beforeEach(async () => {
  t = await testContext();
  ({ partner, agent, customer, ga } = await relatedPartnerAndCustomer(t.ctx));
  await addSubscription(t.ctx.db, customer, "Microsoft 365 E3", partner);
});

async function request(name: string, over: Record<string, unknown> = {}) {
  const input = requestAdminRelationshipSchema.parse({
    partnerId: partner,
    customerId: customer,
    name,
    durationDays: "60",
    roles: ["global_reader"],
    ...over,
  });
  return (await execute(requestAdminRelationship, t.ctx, agent, input)).id;
}
const approve = async (id: string) =>
  await execute(approveAdminRelationship, t.ctx, signedInAt(ga, t.ctx.now()), { organizationId: customer, relationshipId: id });
const stateOf = async (id: string) => (await firstRow(t.ctx.db.select().from(adminRelationships).where(eq(adminRelationships.id, id))))!;
const notices = async () =>
  (await t.ctx.db.select({ kind: emailOutbox.kind, key: emailOutbox.idempotencyKey }).from(emailOutbox)).filter(
    (m) => m.kind === "admin_relationship.expiring" || m.kind === "admin_relationship.expired",
  );

describe("the admin relationship job", () => {
  it("marks expiring at 30 days left, expires at the end, and sends each notice once to both sides", async () => {
    const id = await request("Sixty days");
    await approve(id);
    const before = await dumpTable(t.ctx.db, "subscriptions");

    t.advance(29 * DAY); // 31 days left
    expect(await runAdminRelationshipJobs(t.ctx)).toMatchObject({ expiring: 0, notices: 0 });
    t.advance(1 * DAY); // 30 days left
    expect(await runAdminRelationshipJobs(t.ctx)).toMatchObject({ expiring: 1 });
    expect((await stateOf(id)).state).toBe("expiring");
    // A second run sends nothing twice, and does not even rebuild the notice (it is claimed on the row).
    expect(await runAdminRelationshipJobs(t.ctx)).toMatchObject({ notices: 0 });
    expect(await notices()).toHaveLength(2); // the 30-day notice, to the Admin agent and the Global administrator

    t.advance(23 * DAY); // 7 days left
    await runAdminRelationshipJobs(t.ctx);
    await runAdminRelationshipJobs(t.ctx);
    t.advance(6 * DAY); // 1 day left
    await runAdminRelationshipJobs(t.ctx);
    expect(await notices()).toHaveLength(6);

    t.advance(1 * DAY); // the day it ends
    expect(await runAdminRelationshipJobs(t.ctx)).toMatchObject({ expired: 1 });
    await runAdminRelationshipJobs(t.ctx);
    expect((await stateOf(id)).state).toBe("expired");
    const kinds = (await notices()).map((n) => n.kind);
    expect(kinds.filter((k) => k === "admin_relationship.expiring")).toHaveLength(6);
    expect(kinds.filter((k) => k === "admin_relationship.expired")).toHaveLength(2);
    expect(await dumpTable(t.ctx.db, "subscriptions")).toBe(before);
  });

  it("a job that missed the 30-day mark still sends the notice that is due, only that one", async () => {
    const id = await request("Late");
    await approve(id);
    t.advance(55 * DAY); // 5 days left, never run before
    await runAdminRelationshipJobs(t.ctx);
    expect((await notices()).map((n) => n.key.split(".")[3])).toEqual(["7d", "7d"]);
  });

  it("extends an auto-extending relationship by 180 days at its end, without expiry notices", async () => {
    const id = await request("Auto", { autoExtend: "on" });
    const active = await approve(id);
    t.advance(60 * DAY);
    expect(await runAdminRelationshipJobs(t.ctx)).toMatchObject({ extended: 1, expired: 0 });
    const row = await stateOf(id);
    expect(row.state).toBe("active");
    expect(row.endsAt!.getTime()).toBe(active.endsAt.getTime() + 180 * DAY);
    expect(await notices()).toHaveLength(0);
  });

  it("never auto-extends a relationship holding Global Administrator", async () => {
    expect(canAutoExtend({ autoExtend: true, roles: ["global_administrator", "global_reader"] })).toBe(false);
    expect(canAutoExtend({ autoExtend: true, roles: ["global_reader"] })).toBe(true);
    // Even a row written around the service's check expires instead of extending.
    const id = await request("Sneaky", { roles: ["global_administrator"] });
    await approve(id);
    await t.ctx.db.update(adminRelationships).set({ autoExtend: true }).where(eq(adminRelationships.id, id));
    t.advance(60 * DAY);
    expect(await runAdminRelationshipJobs(t.ctx)).toMatchObject({ extended: 0, expired: 1 });
  });

  it("lapses a request not approved within 90 days", async () => {
    const subscriptions = await dumpTable(t.ctx.db, "subscriptions");
    const id = await request("Ignored");
    t.advance(90 * DAY - 1);
    expect((await runAdminRelationshipJobs(t.ctx)).lapsed).toBe(0);
    t.advance(1);
    expect((await runAdminRelationshipJobs(t.ctx)).lapsed).toBe(1);
    expect((await stateOf(id)).state).toBe("lapsed");
    expect(await dumpTable(t.ctx.db, "subscriptions")).toBe(subscriptions);
  });

  it("records its changes with no person behind them, which the activity log shows as the system", async () => {
    await request("Ignored");
    await approve(await request("Sixty days"));
    await approve(await request("Auto", { autoExtend: "on" }));
    const people = (await t.ctx.db.select({ id: auditEvents.id }).from(auditEvents)).length;
    t.advance(30 * DAY);
    await runAdminRelationshipJobs(t.ctx); // both approved ones: expiring
    t.advance(30 * DAY);
    await runAdminRelationshipJobs(t.ctx); // one expires, one extends
    t.advance(30 * DAY);
    await runAdminRelationshipJobs(t.ctx); // the unanswered request lapses
    const byJob = (await t.ctx.db.select().from(auditEvents)).slice(people);
    expect(new Set(byJob.map((e) => e.action))).toEqual(
      new Set(["admin_relationship.expiring", "admin_relationship.expired", "admin_relationship.extended", "admin_relationship.lapsed"]),
    );
    for (const e of byJob) {
      expect(e.actorUserId).toBeNull();
      expect(unnamedActor(e.action)).toBe("system");
    }
    // The one row without a person that is not the job's: someone opened an emailed link.
    expect(unnamedActor("invitation.opened")).toBe("anonymous");
  });
});
