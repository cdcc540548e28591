import { firstRow } from "@/db/query";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { accessAssignments } from "@/db/schema";
import { runAdminRelationshipJobs } from "@/lib/admin-relationships/jobs";
import { requestAdminRelationshipSchema } from "@/lib/admin-relationships/schemas";
import { approveAdminRelationship, requestAdminRelationship, terminateAdminRelationship } from "@/lib/admin-relationships/service";
import type { Actor } from "@/lib/auth/membership";
import { acceptInvitation } from "@/lib/invitations/respond";
import { createInvitation } from "@/lib/invitations/service";
import { addCustomer, addMember, addPartner, codeOf, DAY, groupsOf, testContext } from "@/lib/testing/fixtures";
import { auditEvents } from "@/db/schema";
import { createAccessAssignment, removeAccessAssignment } from "./assignments";
import { assignmentVersion, updateAccessAssignment } from "./change-assignment";
import { effectiveRoles } from "./effective-roles";
import { addGroupMember } from "./groups";
import { execute } from "@/lib/operations/execute";

let t: Awaited<ReturnType<typeof testContext>>;
let partner: string;
let customer: string;
let admin: Actor;
let agent: Actor;
let helpdesk: Actor;
let ga: Actor;
let groups: Record<string, string>;

beforeEach(async () => {
  t = await testContext();
  partner = await addPartner(t.ctx.db, { name: "Northwind", domain: "northwind.example" });
  admin = await addMember(t.ctx.db, partner, "admin@northwind.example", ["account_admin"]);
  agent = await addMember(t.ctx.db, partner, "agent@northwind.example", ["admin_agent"]);
  helpdesk = await addMember(t.ctx.db, partner, "helpdesk@northwind.example", ["helpdesk_agent"]);
  customer = await addCustomer(t.ctx.db, { name: "Adventure Works", domain: "adventure.example" });
  ga = await addMember(t.ctx.db, customer, "olivia@adventure.example", ["global_admin"]);
  const { token } = await execute(createInvitation, t.ctx, agent, { partnerId: partner, email: ga.email, message: null, locale: "en" });
  await execute(acceptInvitation, t.ctx, ga, { token, target: "existing", customerId: customer, agreement: "on" });
  groups = await groupsOf(t.ctx.db, partner);
  await execute(addGroupMember, t.ctx, admin, { partnerId: partner, groupId: groups["Helpdesk Agents"], userId: helpdesk.userId });
  await execute(addGroupMember, t.ctx, admin, { partnerId: partner, groupId: groups["Admin Agents"], userId: agent.userId });
  await execute(addGroupMember, t.ctx, admin, { partnerId: partner, groupId: groups["Helpdesk Agents"], userId: agent.userId });
});

async function activeRelationship(name: string, roles: string[], durationDays = "60") {
  const input = requestAdminRelationshipSchema.parse({ partnerId: partner, customerId: customer, name, durationDays, roles });
  const { id } = await execute(requestAdminRelationship, t.ctx, agent, input);
  await execute(approveAdminRelationship, t.ctx, ga, { organizationId: customer, relationshipId: id });
  return id;
}
const assign = async (relationshipId: string, group: string, roles: string[]) =>
  await execute(createAccessAssignment, t.ctx, agent, {
    partnerId: partner,
    relationshipId,
    groupId: groups[group],
    roles: roles as never,
  });

describe("access assignments", () => {
  it("grant a group a subset of the approved roles, and become active", async () => {
    const rel = await activeRelationship("Ops", ["helpdesk_administrator", "user_administrator", "global_reader"]);
    const { id } = await assign(rel, "Helpdesk Agents", ["helpdesk_administrator"]);
    expect((await firstRow(t.ctx.db.select().from(accessAssignments).where(eq(accessAssignments.id, id))))!.state).toBe("active");
    expect(await codeOf(async () => await assign(rel, "Admin Agents", ["exchange_administrator"]))).toBe("VALIDATION");
    expect(await codeOf(async () => await assign(rel, "Helpdesk Agents", ["global_reader"]))).toBe("VALIDATION"); // one live assignment per group
  });

  it("effective roles are the union over the user's groups, in relationships in force only", async () => {
    const ops = await activeRelationship("Ops", ["helpdesk_administrator", "user_administrator", "global_reader"]);
    const security = await activeRelationship("Security", ["security_reader"], "10");
    await assign(ops, "Helpdesk Agents", ["helpdesk_administrator"]);
    await assign(ops, "Admin Agents", ["user_administrator", "global_reader"]);
    await assign(security, "Admin Agents", ["security_reader"]);
    expect(await effectiveRoles(t.ctx.db, partner, helpdesk.userId, customer)).toEqual(["helpdesk_administrator"]);
    expect(await effectiveRoles(t.ctx.db, partner, agent.userId, customer)).toEqual([
      "global_reader",
      "user_administrator",
      "helpdesk_administrator",
      "security_reader",
    ]);
    expect(await effectiveRoles(t.ctx.db, partner, admin.userId, customer)).toEqual([]);

    t.advance(10 * DAY); // "Security" ends
    await runAdminRelationshipJobs(t.ctx);
    expect(await effectiveRoles(t.ctx.db, partner, agent.userId, customer)).not.toContain("security_reader");
  });

  it("terminating a relationship removes its assignments in the same transaction", async () => {
    const rel = await activeRelationship("Ops", ["helpdesk_administrator"]);
    await assign(rel, "Helpdesk Agents", ["helpdesk_administrator"]);
    await execute(terminateAdminRelationship, t.ctx, ga, { organizationId: customer, relationshipId: rel });
    expect((await t.ctx.db.select().from(accessAssignments)).map((a) => a.state)).toEqual(["deleted"]);
    expect(await effectiveRoles(t.ctx.db, partner, helpdesk.userId, customer)).toEqual([]);
  });

  it("expiry removes them too; a pending request takes no assignment", async () => {
    const rel = await activeRelationship("Short", ["global_reader"], "5");
    await assign(rel, "Admin Agents", ["global_reader"]);
    t.advance(5 * DAY);
    await runAdminRelationshipJobs(t.ctx);
    expect((await t.ctx.db.select().from(accessAssignments)).map((a) => a.state)).toEqual(["deleted"]);
    const pending = (
      await execute(
        requestAdminRelationship,
        t.ctx,
        agent,
        requestAdminRelationshipSchema.parse({
          partnerId: partner,
          customerId: customer,
          name: "Pending",
          durationDays: "5",
          roles: ["global_reader"],
        }),
      )
    ).id;
    expect(await codeOf(async () => await assign(pending, "Admin Agents", ["global_reader"]))).toBe("INVALID_TRANSITION");
  });

  it("only the partner's Admin agents assign; another partner's groups and relationships are not found", async () => {
    const rel = await activeRelationship("Ops", ["global_reader"]);
    expect(
      await codeOf(
        async () =>
          await execute(createAccessAssignment, t.ctx, helpdesk, {
            partnerId: partner,
            relationshipId: rel,
            groupId: groups["Admin Agents"],
            roles: ["global_reader"],
          }),
      ),
    ).toBe("FORBIDDEN");
    const other = await addPartner(t.ctx.db, { name: "Fabrikam", domain: "fabrikam.example" });
    const otherAgent = await addMember(t.ctx.db, other, "agent@fabrikam.example", ["admin_agent"]);
    expect(
      await codeOf(
        async () =>
          await execute(createAccessAssignment, t.ctx, otherAgent, {
            partnerId: other,
            relationshipId: rel,
            groupId: groups["Admin Agents"],
            roles: ["global_reader"],
          }),
      ),
    ).toBe("NOT_FOUND");
    const { id } = await assign(rel, "Admin Agents", ["global_reader"]);
    expect(await codeOf(async () => await execute(removeAccessAssignment, t.ctx, otherAgent, { partnerId: other, assignmentId: id }))).toBe(
      "NOT_FOUND",
    );
    await execute(removeAccessAssignment, t.ctx, agent, { partnerId: partner, assignmentId: id });
    expect(await effectiveRoles(t.ctx.db, partner, agent.userId, customer)).toEqual([]);
  });

  it("groups hold only the partner's own people", async () => {
    const stranger = await addMember(t.ctx.db, customer, "ben@adventure.example", ["billing_administrator"]);
    expect(
      await codeOf(
        async () =>
          await execute(addGroupMember, t.ctx, admin, { partnerId: partner, groupId: groups["Admin Agents"], userId: stranger.userId }),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await codeOf(
        async () =>
          await execute(addGroupMember, t.ctx, helpdesk, { partnerId: partner, groupId: groups["Admin Agents"], userId: helpdesk.userId }),
      ),
    ).toBe("FORBIDDEN");
  });
});

describe("changing an assignment's roles", () => {
  const change = async (who: Actor, assignmentId: string, roles: string[], version?: number) =>
    await execute(updateAccessAssignment, t.ctx, who, { partnerId: partner, assignmentId, roles: roles as never, version });
  const row = async (id: string) => (await firstRow(t.ctx.db.select().from(accessAssignments).where(eq(accessAssignments.id, id))))!;

  it("changes them in place, the group keeping its access, only to roles the customer approved", async () => {
    const rel = await activeRelationship("Ops", ["helpdesk_administrator", "user_administrator", "global_reader"]);
    const { id } = await assign(rel, "Helpdesk Agents", ["helpdesk_administrator"]);
    await change(agent, id, ["helpdesk_administrator", "global_reader"]);
    expect(await row(id)).toMatchObject({ state: "active", roles: ["helpdesk_administrator", "global_reader"] });
    expect(await effectiveRoles(t.ctx.db, partner, helpdesk.userId, customer)).toEqual(["global_reader", "helpdesk_administrator"]);
    expect(await codeOf(async () => await change(agent, id, ["exchange_administrator"]))).toBe("VALIDATION");
    const audit = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, "access_assignment.changed"));
    expect(audit.map((a) => a.targetId)).toEqual([id]);
  });

  it("refuses a change made to an older version, and every change moves the version on", async () => {
    const rel = await activeRelationship("Ops", ["helpdesk_administrator", "global_reader"]);
    const { id } = await assign(rel, "Helpdesk Agents", ["helpdesk_administrator"]);
    const read = assignmentVersion(await row(id)).getTime();
    await change(agent, id, ["global_reader"], read);
    const after = assignmentVersion(await row(id)).getTime();
    expect(after).toBeGreaterThan(read);
    expect(await codeOf(async () => await change(agent, id, ["helpdesk_administrator"], read))).toBe("PRECONDITION_FAILED");
    expect((await row(id)).roles).toEqual(["global_reader"]);
  });

  it("is an Admin agent's, of the partner's own live assignments in relationships in force", async () => {
    const rel = await activeRelationship("Ops", ["global_reader"]);
    const { id } = await assign(rel, "Admin Agents", ["global_reader"]);
    expect(await codeOf(async () => await change(helpdesk, id, ["global_reader"]))).toBe("FORBIDDEN");
    const other = await addPartner(t.ctx.db, { name: "Fabrikam", domain: "fabrikam.example" });
    const otherAgent = await addMember(t.ctx.db, other, "agent@fabrikam.example", ["admin_agent"]);
    expect(
      await codeOf(
        async () =>
          await execute(updateAccessAssignment, t.ctx, otherAgent, { partnerId: other, assignmentId: id, roles: ["global_reader"] }),
      ),
    ).toBe("NOT_FOUND");
    await execute(terminateAdminRelationship, t.ctx, ga, { organizationId: customer, relationshipId: rel });
    expect(await codeOf(async () => await change(agent, id, ["global_reader"]))).toBe("INVALID_TRANSITION");
  });
});
