import { rawRun, rawValue } from "@/lib/testing/raw";
import { firstRow } from "@/db/query";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { accessAssignments, adminRelationships, emailOutbox, securityGroups } from "@/db/schema";
import { addGroupMember } from "@/lib/access/groups";
import { requestAdminRelationshipSchema } from "@/lib/admin-relationships/schemas";
import { approveAdminRelationship, requestAdminRelationship } from "@/lib/admin-relationships/service";
import type { Actor } from "@/lib/auth/membership";
import { getMember } from "@/lib/auth/membership";
import { removePartner } from "@/lib/relationships/removal";
import { invitePartnership } from "@/lib/partnerships/service";
import {
  addMember,
  addOperatorMember,
  addPartner,
  addUser,
  codeOf,
  partneredProviderAndReseller,
  relatedPartnerAndCustomer,
  signedInAt,
  testContext,
} from "@/lib/testing/fixtures";
import { acceptMemberInvitation, inviteMember } from "./invitations";
import { changeMemberRoles, removeMember } from "./service";
import { execute } from "@/lib/operations/execute";

/*
 * Rule 9, inside a tenant and over time: nobody gains what they were not given. Each case is
 * a defect the security review found on main (issue 16), written as the attack it was.
 */
let t: Awaited<ReturnType<typeof testContext>>;
let world: Awaited<ReturnType<typeof relatedPartnerAndCustomer>>;
let accountAdmin: Actor;
let uma: Actor;

const rolesOf = async (a: Actor, org: string) => (await getMember(t.ctx.db, a, org))?.roles;
const mailTo = async (email: string, kind: string) =>
  (await t.ctx.db.select().from(emailOutbox)).filter((m) => m.toAddress === email && m.kind === kind);

beforeEach(async () => {
  t = await testContext();
  world = await relatedPartnerAndCustomer(t.ctx);
  accountAdmin = await addMember(t.ctx.db, world.partner, "alice@northwind.example", ["account_admin"]);
  uma = await addMember(t.ctx.db, world.partner, "uma@northwind.example", ["user_management_admin"]);
});

describe("privilege inside a tenant", () => {
  it("a User management admin cannot raise itself", async () => {
    expect(
      await codeOf(
        async () =>
          await execute(changeMemberRoles, t.ctx, uma, {
            organizationId: world.partner,
            userId: uma.userId,
            roles: ["account_admin", "admin_agent"],
          }),
      ),
    ).toBe("OWN_ROLES");
    expect(await rolesOf(uma, world.partner)).toEqual(["user_management_admin"]);
    // Nor an Account admin itself: another administrator changes one's roles.
    expect(
      await codeOf(
        async () =>
          await execute(changeMemberRoles, t.ctx, accountAdmin, {
            organizationId: world.partner,
            userId: accountAdmin.userId,
            roles: ["account_admin", "admin_agent"],
          }),
      ),
    ).toBe("OWN_ROLES");
  });

  it("a person grants only what they hold, and Account admin and Admin agent come from an Account admin only", async () => {
    const colleague = await addMember(t.ctx.db, world.partner, "sam@northwind.example", ["helpdesk_agent"]);
    for (const roles of [["account_admin"], ["admin_agent"], ["sales_agent"]] as const) {
      expect(
        await codeOf(
          async () =>
            await execute(changeMemberRoles, t.ctx, uma, { organizationId: world.partner, userId: colleague.userId, roles: [...roles] }),
        ),
        roles.join(),
      ).toBe("CANNOT_GRANT");
    }
    expect(await rolesOf(colleague, world.partner)).toEqual(["helpdesk_agent"]);
    // Nor strip someone who stands above: taking away is granting in reverse.
    expect(
      await codeOf(async () => await execute(removeMember, t.ctx, uma, { organizationId: world.partner, userId: accountAdmin.userId })),
    ).toBe("CANNOT_GRANT");
    expect(
      await codeOf(
        async () =>
          await execute(changeMemberRoles, t.ctx, uma, {
            organizationId: world.partner,
            userId: colleague.userId,
            roles: ["helpdesk_agent", "user_management_admin"],
          }),
      ),
    ).toBe("no error");
    // The Account admin grants any role, and the organization's Account admins hear of an admin role.
    await execute(changeMemberRoles, t.ctx, accountAdmin, {
      organizationId: world.partner,
      userId: colleague.userId,
      roles: ["admin_agent"],
    });
    expect(await rolesOf(colleague, world.partner)).toEqual(["admin_agent"]);
    const notice = await mailTo("alice@northwind.example", "member.roles_granted");
    expect(notice.at(-1)!.subject).toBe("sam@northwind.example now holds Admin agent in Northwind");
  });

  it("an invitation carries no more than its sender could give, and nothing once the sender lost it", async () => {
    const invite = async (by: Actor, roles: string[], email: string) =>
      await execute(inviteMember, t.ctx, by, { organizationId: world.partner, email, roles: roles as never, locale: "en" });
    expect(await codeOf(async () => await invite(uma, ["account_admin"], "outsider@evil.example"))).toBe("CANNOT_GRANT");
    expect(await codeOf(async () => await invite(uma, ["admin_agent"], "outsider@evil.example"))).toBe("CANNOT_GRANT");
    const { token } = await invite(uma, ["user_management_admin"], "friend@northwind.example");
    // The sender is removed before the invitation is answered: it gives nothing any more.
    await execute(removeMember, t.ctx, accountAdmin, { organizationId: world.partner, userId: uma.userId });
    const friend = await addUser(t.ctx.db, "friend@northwind.example");
    expect(await codeOf(async () => await execute(acceptMemberInvitation, t.ctx, friend, { token }))).toBe("INVITATION_REVOKED");
    expect(await rolesOf(friend, world.partner)).toBeUndefined();
  });

  it("joining a group that holds customer roles needs an Account admin, who is told", async () => {
    const group = (await t.ctx.db.select().from(securityGroups).where(eq(securityGroups.partnerId, world.partner)))[0];
    const rel = await execute(
      requestAdminRelationship,
      t.ctx,
      world.agent,
      requestAdminRelationshipSchema.parse({
        partnerId: world.partner,
        customerId: world.customer,
        name: "Helpdesk",
        durationDays: "90",
        roles: ["global_administrator"],
      }),
    );
    await execute(approveAdminRelationship, t.ctx, signedInAt(world.ga, t.ctx.now()), {
      organizationId: world.customer,
      relationshipId: rel.id,
    });
    await t.ctx.db.insert(accessAssignments).values({
      id: "asg_1",
      partnerId: world.partner,
      adminRelationshipId: rel.id,
      groupId: group.id,
      roles: ["global_administrator"],
      state: "active",
      createdAt: new Date(),
    });
    expect(
      await codeOf(
        async () => await execute(addGroupMember, t.ctx, uma, { partnerId: world.partner, groupId: group.id, userId: uma.userId }),
      ),
    ).toBe("GROUP_NEEDS_TOP_ADMIN");
    await execute(addGroupMember, t.ctx, accountAdmin, { partnerId: world.partner, groupId: group.id, userId: world.agent.userId });
    expect(await mailTo("alice@northwind.example", "security_group.access_granted")).toHaveLength(1);
  });

  it("the customer and operator sides follow the same rules", async () => {
    const user = await addMember(t.ctx.db, world.customer, "ben@adventure.example", ["user"]);
    expect(
      await codeOf(
        async () =>
          await execute(changeMemberRoles, t.ctx, world.ga, { organizationId: world.customer, userId: world.ga.userId, roles: ["user"] }),
      ),
    ).toBe("OWN_ROLES");
    await execute(changeMemberRoles, t.ctx, world.ga, { organizationId: world.customer, userId: user.userId, roles: ["global_admin"] });
    expect(await mailTo(world.ga.email, "member.roles_granted")).toHaveLength(1);
    const opAdmin = await addOperatorMember(t.ctx.db, "ops@program.example");
    const manager = await addOperatorMember(t.ctx.db, "pm@program.example", ["partner_manager"]);
    const operatorOrg = (await rawValue(t.ctx.db, "select id from organizations where kind = 'operator'")) as string;
    expect(
      await codeOf(
        async () =>
          await execute(changeMemberRoles, t.ctx, opAdmin, {
            organizationId: operatorOrg,
            userId: opAdmin.userId,
            roles: ["operator_viewer"],
          }),
      ),
    ).toBe("OWN_ROLES");
    expect(
      await codeOf(
        async () =>
          await execute(inviteMember, t.ctx, manager, {
            organizationId: operatorOrg,
            email: "x@program.example",
            roles: ["operator_admin"],
            locale: "en",
          }),
      ),
    ).toBe("FORBIDDEN");
  });
});

describe("privilege over time", async () => {
  const ask = async (name: string) =>
    await execute(
      requestAdminRelationship,
      t.ctx,
      world.agent,
      requestAdminRelationshipSchema.parse({
        partnerId: world.partner,
        customerId: world.customer,
        name,
        durationDays: "90",
        roles: ["global_administrator"],
      }),
    );
  const stateOf = async (id: string) =>
    (await firstRow(t.ctx.db.select({ s: adminRelationships.state }).from(adminRelationships).where(eq(adminRelationships.id, id))))!.s;

  for (const scope of ["everything", "admin_roles"] as const) {
    it(`a request pending when the customer removes the partner (${scope}) ends with it, and approving it gives nothing`, async () => {
      const pending = await ask(`Pending ${scope}`);
      await execute(removePartner, t.ctx, world.ga, { customerId: world.customer, partnerId: world.partner, scope });
      expect(await stateOf(pending.id)).toBe("terminated");
      // Refused either way: the partner is gone (everything), or the request has ended (admin roles only).
      expect(
        await codeOf(
          async () =>
            await execute(approveAdminRelationship, t.ctx, signedInAt(world.ga, t.ctx.now()), {
              organizationId: world.customer,
              relationshipId: pending.id,
            }),
        ),
      ).toBe(scope === "everything" ? "RELATIONSHIP_ENDED" : "INVALID_TRANSITION");
      expect(await stateOf(pending.id)).toBe("terminated");
    });
  }

  it("approval re-checks, in its transaction, that the partner still works with the customer", async () => {
    const pending = await ask("Asked before the end");
    // The relationship ends without the removal flow (as a concurrent removal would leave it):
    await rawRun(
      t.ctx.db,
      "update reseller_relationships set state = 'ended' where partner_id = ? and customer_id = ?",
      world.partner,
      world.customer,
    );
    expect(
      await codeOf(
        async () =>
          await execute(approveAdminRelationship, t.ctx, signedInAt(world.ga, t.ctx.now()), {
            organizationId: world.customer,
            relationshipId: pending.id,
          }),
      ),
    ).toBe("RELATIONSHIP_ENDED");
    expect(await stateOf(pending.id)).toBe("approvalPending");
  });
});

describe("limits on emails a tenant sends", () => {
  it("team and partnership invitations are limited per organization per day, like customer invitations", async () => {
    t.ctx.config.teamInvitationsPerOrgPerDay = 2;
    const invite = async (email: string) =>
      await execute(inviteMember, t.ctx, accountAdmin, { organizationId: world.partner, email, roles: ["sales_agent"], locale: "en" });
    await invite("a@northwind.example");
    await invite("b@northwind.example");
    expect(await codeOf(async () => await invite("c@northwind.example"))).toBe("RATE_LIMITED");
    expect((await t.ctx.db.select().from(emailOutbox)).filter((m) => m.kind === "member_invitation")).toHaveLength(2);
    t.advance(86_400_000);
    expect(await codeOf(async () => await invite("c@northwind.example"))).toBe("no error");

    t.ctx.config.partnershipInvitationsPerOrgPerDay = 1;
    const tier = await partneredProviderAndReseller(t.ctx);
    const other = await addPartner(t.ctx.db, { name: "Trey", domain: "trey.example", type: "indirect_reseller", publicId: "7400218" });
    await addMember(t.ctx.db, other, "ravi@trey.example", ["account_admin"]);
    expect(
      await codeOf(
        async () =>
          await execute(invitePartnership, t.ctx, tier.providerAdmin, {
            providerId: tier.provider,
            email: "ravi@trey.example",
            resellerPartnerId: "7400218",
            locale: "en",
          }),
      ),
    ).toBe("RATE_LIMITED");
  });
});
