import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { accessAssignments, securityGroups } from "@/db/schema";
import { runAdminRelationshipJobs } from "@/lib/admin-relationships/jobs";
import { requestAdminRelationshipSchema } from "@/lib/admin-relationships/schemas";
import { approveAdminRelationship, requestAdminRelationship, terminateAdminRelationship } from "@/lib/admin-relationships/service";
import type { Actor } from "@/lib/auth/membership";
import { acceptInvitation } from "@/lib/invitations/respond";
import { createInvitation } from "@/lib/invitations/service";
import { addCustomer, addMember, addPartner, codeOf, DAY, testContext } from "@/lib/testing/fixtures";
import { createAccessAssignment, removeAccessAssignment } from "./assignments";
import { effectiveRoles } from "./effective-roles";
import { addGroupMember } from "./groups";

let t: ReturnType<typeof testContext>;
let partner: string;
let customer: string;
let admin: Actor;
let agent: Actor;
let helpdesk: Actor;
let ga: Actor;
let groups: Record<string, string>;

beforeEach(() => {
  t = testContext();
  partner = addPartner(t.ctx.db, { name: "Northwind", domain: "northwind.example" });
  admin = addMember(t.ctx.db, partner, "admin@northwind.example", ["account_admin"]);
  agent = addMember(t.ctx.db, partner, "agent@northwind.example", ["admin_agent"]);
  helpdesk = addMember(t.ctx.db, partner, "helpdesk@northwind.example", ["helpdesk_agent"]);
  customer = addCustomer(t.ctx.db, { name: "Adventure Works", domain: "adventure.example" });
  ga = addMember(t.ctx.db, customer, "olivia@adventure.example", ["global_admin"]);
  const { token } = createInvitation(t.ctx, agent, { partnerId: partner, email: ga.email, message: null, locale: "en" });
  acceptInvitation(t.ctx, ga, { token, target: "existing", customerId: customer, agreement: "on" });
  groups = Object.fromEntries(
    t.ctx.db
      .select()
      .from(securityGroups)
      .where(eq(securityGroups.partnerId, partner))
      .all()
      .map((g) => [g.name, g.id]),
  );
  addGroupMember(t.ctx, admin, { partnerId: partner, groupId: groups["Helpdesk Agents"], userId: helpdesk.userId });
  addGroupMember(t.ctx, admin, { partnerId: partner, groupId: groups["Admin Agents"], userId: agent.userId });
  addGroupMember(t.ctx, admin, { partnerId: partner, groupId: groups["Helpdesk Agents"], userId: agent.userId });
});

function activeRelationship(name: string, roles: string[], durationDays = "60") {
  const input = requestAdminRelationshipSchema.parse({ partnerId: partner, customerId: customer, name, durationDays, roles });
  const { id } = requestAdminRelationship(t.ctx, agent, input);
  approveAdminRelationship(t.ctx, ga, { organizationId: customer, relationshipId: id });
  return id;
}
const assign = (relationshipId: string, group: string, roles: string[]) =>
  createAccessAssignment(t.ctx, agent, { partnerId: partner, relationshipId, groupId: groups[group], roles: roles as never });

describe("access assignments", () => {
  it("grant a group a subset of the approved roles, and become active", () => {
    const rel = activeRelationship("Ops", ["helpdesk_administrator", "user_administrator", "global_reader"]);
    const { id } = assign(rel, "Helpdesk Agents", ["helpdesk_administrator"]);
    expect(t.ctx.db.select().from(accessAssignments).where(eq(accessAssignments.id, id)).get()!.state).toBe("active");
    expect(codeOf(() => assign(rel, "Admin Agents", ["exchange_administrator"]))).toBe("VALIDATION");
    expect(codeOf(() => assign(rel, "Helpdesk Agents", ["global_reader"]))).toBe("VALIDATION"); // one live assignment per group
  });

  it("effective roles are the union over the user's groups, in relationships in force only", () => {
    const ops = activeRelationship("Ops", ["helpdesk_administrator", "user_administrator", "global_reader"]);
    const security = activeRelationship("Security", ["security_reader"], "10");
    assign(ops, "Helpdesk Agents", ["helpdesk_administrator"]);
    assign(ops, "Admin Agents", ["user_administrator", "global_reader"]);
    assign(security, "Admin Agents", ["security_reader"]);
    expect(effectiveRoles(t.ctx.db, partner, helpdesk.userId, customer)).toEqual(["helpdesk_administrator"]);
    expect(effectiveRoles(t.ctx.db, partner, agent.userId, customer)).toEqual([
      "global_reader",
      "user_administrator",
      "helpdesk_administrator",
      "security_reader",
    ]);
    expect(effectiveRoles(t.ctx.db, partner, admin.userId, customer)).toEqual([]);

    t.advance(10 * DAY); // "Security" ends
    runAdminRelationshipJobs(t.ctx);
    expect(effectiveRoles(t.ctx.db, partner, agent.userId, customer)).not.toContain("security_reader");
  });

  it("terminating a relationship removes its assignments in the same transaction", () => {
    const rel = activeRelationship("Ops", ["helpdesk_administrator"]);
    assign(rel, "Helpdesk Agents", ["helpdesk_administrator"]);
    terminateAdminRelationship(t.ctx, ga, { organizationId: customer, relationshipId: rel });
    expect(
      t.ctx.db
        .select()
        .from(accessAssignments)
        .all()
        .map((a) => a.state),
    ).toEqual(["deleted"]);
    expect(effectiveRoles(t.ctx.db, partner, helpdesk.userId, customer)).toEqual([]);
  });

  it("expiry removes them too; a pending request takes no assignment", () => {
    const rel = activeRelationship("Short", ["global_reader"], "5");
    assign(rel, "Admin Agents", ["global_reader"]);
    t.advance(5 * DAY);
    runAdminRelationshipJobs(t.ctx);
    expect(
      t.ctx.db
        .select()
        .from(accessAssignments)
        .all()
        .map((a) => a.state),
    ).toEqual(["deleted"]);
    const pending = requestAdminRelationship(
      t.ctx,
      agent,
      requestAdminRelationshipSchema.parse({
        partnerId: partner,
        customerId: customer,
        name: "Pending",
        durationDays: "5",
        roles: ["global_reader"],
      }),
    ).id;
    expect(codeOf(() => assign(pending, "Admin Agents", ["global_reader"]))).toBe("INVALID_TRANSITION");
  });

  it("only the partner's Admin agents assign; another partner's groups and relationships are not found", () => {
    const rel = activeRelationship("Ops", ["global_reader"]);
    expect(
      codeOf(() =>
        createAccessAssignment(t.ctx, helpdesk, {
          partnerId: partner,
          relationshipId: rel,
          groupId: groups["Admin Agents"],
          roles: ["global_reader"],
        }),
      ),
    ).toBe("FORBIDDEN");
    const other = addPartner(t.ctx.db, { name: "Fabrikam", domain: "fabrikam.example" });
    const otherAgent = addMember(t.ctx.db, other, "agent@fabrikam.example", ["admin_agent"]);
    expect(
      codeOf(() =>
        createAccessAssignment(t.ctx, otherAgent, {
          partnerId: other,
          relationshipId: rel,
          groupId: groups["Admin Agents"],
          roles: ["global_reader"],
        }),
      ),
    ).toBe("NOT_FOUND");
    const { id } = assign(rel, "Admin Agents", ["global_reader"]);
    expect(codeOf(() => removeAccessAssignment(t.ctx, otherAgent, { partnerId: other, assignmentId: id }))).toBe("NOT_FOUND");
    removeAccessAssignment(t.ctx, agent, { partnerId: partner, assignmentId: id });
    expect(effectiveRoles(t.ctx.db, partner, agent.userId, customer)).toEqual([]);
  });

  it("groups hold only the partner's own people", () => {
    const stranger = addMember(t.ctx.db, customer, "ben@adventure.example", ["billing_administrator"]);
    expect(
      codeOf(() => addGroupMember(t.ctx, admin, { partnerId: partner, groupId: groups["Admin Agents"], userId: stranger.userId })),
    ).toBe("NOT_FOUND");
    expect(
      codeOf(() => addGroupMember(t.ctx, helpdesk, { partnerId: partner, groupId: groups["Admin Agents"], userId: helpdesk.userId })),
    ).toBe("FORBIDDEN");
  });
});
