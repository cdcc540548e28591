import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/membership";
import { getMember } from "@/lib/auth/membership";
import { addMember, addPartner, DAY, relatedPartnerAndCustomer, signedInAt, testContext } from "@/lib/testing/fixtures";
import { expiryCounts, listExpiring } from "./expiring";
import { runAdminRelationshipJobs } from "./jobs";
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
});

async function active(name: string, days: number, roles = ["global_reader"]) {
  const { id } = await execute(
    requestAdminRelationship,
    t.ctx,
    agent,
    requestAdminRelationshipSchema.parse({ partnerId: partner, customerId: customer, name, durationDays: String(days), roles }),
  );
  await execute(approveAdminRelationship, t.ctx, signedInAt(ga, t.ctx.now()), { organizationId: customer, relationshipId: id });
}

describe("expiring soon", () => {
  it("counts relationships by how soon they end, expired ones of the last year, and those holding Global Administrator", async () => {
    await active("one", 1);
    await active("five", 5, ["global_administrator"]);
    await active("twenty", 20);
    await active("long", 400, ["global_administrator", "global_reader"]);
    const member = (await getMember(t.ctx.db, agent, partner))!;
    expect(await expiryCounts(t.ctx.db, member, t.ctx.now())).toEqual({ "1": 1, "7": 2, "30": 3, expired: 0, globalAdmin: 2 });
    t.advance(2 * DAY);
    await runAdminRelationshipJobs(t.ctx);
    expect(await expiryCounts(t.ctx.db, member, t.ctx.now())).toEqual({ "1": 0, "7": 1, "30": 2, expired: 1, globalAdmin: 2 });
    expect((await listExpiring(t.ctx.db, member, "30", { page: 1, now: t.ctx.now() })).rows.map((r) => r.name)).toEqual(["five", "twenty"]);
    expect((await listExpiring(t.ctx.db, member, "expired", { page: 1, now: t.ctx.now() })).rows.map((r) => r.name)).toEqual(["one"]);
    // A search narrows a tile by the relationship's name, whatever its case, and reads % literally.
    const search = async (q: string) =>
      (await listExpiring(t.ctx.db, member, "30", { page: 1, now: t.ctx.now(), q })).rows.map((r) => r.name);
    expect(await search("TWEN")).toEqual(["twenty"]);
    expect(await search("%")).toEqual([]);
    t.advance(400 * DAY);
    await runAdminRelationshipJobs(t.ctx);
    expect((await expiryCounts(t.ctx.db, member, t.ctx.now())).expired).toBe(1); // only "long": the others ended over a year ago
  });

  it("shows another partner nothing of these", async () => {
    await active("one", 1);
    const other = await addPartner(t.ctx.db, { name: "Fabrikam", domain: "fabrikam.example" });
    const otherAgent = await addMember(t.ctx.db, other, "agent@fabrikam.example", ["admin_agent"]);
    expect(await expiryCounts(t.ctx.db, (await getMember(t.ctx.db, otherAgent, other))!, t.ctx.now())).toEqual({
      "1": 0,
      "7": 0,
      "30": 0,
      expired: 0,
      globalAdmin: 0,
    });
  });
});
