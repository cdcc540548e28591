import { firstRow } from "@/db/query";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { emailOutbox, memberships, securityGroupMembers, securityGroups, sessions } from "@/db/schema";
import { addGroupMember } from "@/lib/access/groups";
import type { Actor } from "@/lib/auth/membership";
import { getMember } from "@/lib/auth/membership";
import { addCustomer, addMember, addPartner, addUser, codeOf, DAY, testContext } from "@/lib/testing/fixtures";
import { acceptMemberInvitation, declineMemberInvitation, inviteMember, revokeMemberInvitation } from "./invitations";
import { changeMemberRoles, removeMember } from "./service";
import { execute } from "@/lib/operations/execute";

let t: Awaited<ReturnType<typeof testContext>>;
let partner: string;
let admin: Actor;

beforeEach(async () => {
  t = await testContext();
  partner = await addPartner(t.ctx.db, { name: "Northwind", domain: "northwind.example" });
  admin = await addMember(t.ctx.db, partner, "admin@northwind.example", ["account_admin"]);
});

const invite = async (email: string, roles: string[], by = admin, organizationId = partner) =>
  await execute(inviteMember, t.ctx, by, { organizationId, email, roles: roles as never, locale: "en" });

describe("partner team", () => {
  it("an Account admin invites a colleague by email; the colleague joins with the roles offered", async () => {
    const { token } = await invite("hana@northwind.example", ["helpdesk_agent"]);
    const mail = (await firstRow(t.ctx.db.select().from(emailOutbox)))!;
    expect(mail.subject).toBe("Join Northwind in the Partner Relationship Center");
    expect(mail.textBody).toContain(`http://localhost:3000/join/${token}`);
    expect(mail.textBody).toContain("Helpdesk agent");
    const hana = await addUser(t.ctx.db, "hana@northwind.example");
    await execute(acceptMemberInvitation, t.ctx, hana, { token });
    expect((await getMember(t.ctx.db, hana, partner))!.roles).toEqual(["helpdesk_agent"]);
    expect(await codeOf(async () => await execute(acceptMemberInvitation, t.ctx, hana, { token }))).toBe("INVITATION_USED");
  });

  it("the same token rules as customer invitations: bound to the address, expiring, revocable", async () => {
    const { token, id } = await invite("sam@northwind.example", ["sales_agent"]);
    const mallory = await addUser(t.ctx.db, "mallory@northwind.example");
    expect(await codeOf(async () => await execute(acceptMemberInvitation, t.ctx, mallory, { token }))).toBe("WRONG_ACCOUNT");
    await execute(revokeMemberInvitation, t.ctx, admin, { organizationId: partner, invitationId: id });
    const sam = await addUser(t.ctx.db, "sam@northwind.example");
    expect(await codeOf(async () => await execute(acceptMemberInvitation, t.ctx, sam, { token }))).toBe("INVITATION_REVOKED");
    const second = await invite("sam@northwind.example", ["sales_agent"]);
    t.advance(15 * DAY);
    expect(await codeOf(async () => await execute(acceptMemberInvitation, t.ctx, sam, { token: second.token }))).toBe("INVITATION_EXPIRED");
    const third = await invite("sam@northwind.example", ["sales_agent"]);
    await execute(declineMemberInvitation, t.ctx, sam, { token: third.token });
    expect(await getMember(t.ctx.db, sam, partner)).toBeNull();
  });

  it("only Account admins and User management admins manage the team", async () => {
    for (const role of ["admin_agent", "sales_agent", "billing_admin", "helpdesk_agent"] as const) {
      const m = await addMember(t.ctx.db, partner, `${role}@northwind.example`, [role]);
      expect(await codeOf(async () => await invite(`x-${role}@example.org`, ["sales_agent"], m))).toBe("FORBIDDEN");
    }
    const uma = await addMember(t.ctx.db, partner, "uma@northwind.example", ["user_management_admin"]);
    expect(await codeOf(async () => await invite("y@example.org", ["user_management_admin"], uma))).toBe("no error");
    const other = await addPartner(t.ctx.db, { name: "Fabrikam", domain: "fabrikam.example" });
    expect(await codeOf(async () => await invite("z@example.org", ["sales_agent"], admin, other))).toBe("NOT_FOUND");
  });

  it("refuses customer roles in a partner organization, and inviting a member twice", async () => {
    expect(await codeOf(async () => await invite("x@example.org", ["global_admin"]))).toBe("VALIDATION");
    expect(await codeOf(async () => await invite("Admin@Northwind.example", ["sales_agent"]))).toBe("ALREADY_MEMBER");
  });

  it("never leaves the organization without an Account admin, and changes nothing when it refuses", async () => {
    expect(await codeOf(async () => await execute(removeMember, t.ctx, admin, { organizationId: partner, userId: admin.userId }))).toBe(
      "LAST_ADMIN",
    );
    expect((await getMember(t.ctx.db, admin, partner))!.roles).toEqual(["account_admin"]);
    const second = await addMember(t.ctx.db, partner, "second@northwind.example", ["account_admin"]);
    await execute(changeMemberRoles, t.ctx, second, {
      organizationId: partner,
      userId: admin.userId,
      roles: ["sales_agent", "admin_agent"],
    });
    expect((await getMember(t.ctx.db, admin, partner))!.roles).toEqual(["sales_agent", "admin_agent"]);
    expect(await codeOf(async () => await execute(removeMember, t.ctx, second, { organizationId: partner, userId: second.userId }))).toBe(
      "LAST_ADMIN",
    );
    expect((await getMember(t.ctx.db, second, partner))!.roles).toEqual(["account_admin"]);
  });

  it("a removed member's sessions end at once and their groups here go", async () => {
    const hana = await addMember(t.ctx.db, partner, "hana@northwind.example", ["helpdesk_agent"]);
    const group = (await t.ctx.db.select().from(securityGroups).where(eq(securityGroups.partnerId, partner)))[0];
    await execute(addGroupMember, t.ctx, admin, { partnerId: partner, groupId: group.id, userId: hana.userId });
    await t.ctx.db.insert(sessions).values({ sessionToken: "s1", userId: hana.userId, expires: new Date(Date.now() + DAY) });
    await execute(removeMember, t.ctx, admin, { organizationId: partner, userId: hana.userId });
    expect(await t.ctx.db.select().from(sessions).where(eq(sessions.userId, hana.userId))).toEqual([]);
    expect(await t.ctx.db.select().from(securityGroupMembers).where(eq(securityGroupMembers.userId, hana.userId))).toEqual([]);
    expect(await t.ctx.db.select().from(memberships).where(eq(memberships.userId, hana.userId))).toEqual([]);
  });
});

describe("customer users", () => {
  it("a Global administrator invites users and makes others Global or Billing administrators", async () => {
    const customer = await addCustomer(t.ctx.db, { name: "Adventure Works", domain: "adventure.example" });
    const olivia = await addMember(t.ctx.db, customer, "olivia@adventure.example", ["global_admin"]);
    const { token } = await invite("ben@adventure.example", ["user"], olivia, customer);
    const ben = await addUser(t.ctx.db, "ben@adventure.example");
    await execute(acceptMemberInvitation, t.ctx, ben, { token });
    await execute(changeMemberRoles, t.ctx, olivia, { organizationId: customer, userId: ben.userId, roles: ["billing_administrator"] });
    expect((await getMember(t.ctx.db, ben, customer))!.roles).toEqual(["billing_administrator"]);
    expect(
      await codeOf(
        async () => await execute(changeMemberRoles, t.ctx, ben, { organizationId: customer, userId: ben.userId, roles: ["global_admin"] }),
      ),
    ).toBe("FORBIDDEN");
    expect(await codeOf(async () => await invite("x@adventure.example", ["admin_agent"], olivia, customer))).toBe("VALIDATION");
    await execute(changeMemberRoles, t.ctx, olivia, { organizationId: customer, userId: ben.userId, roles: ["global_admin"] });
    await execute(removeMember, t.ctx, ben, { organizationId: customer, userId: olivia.userId });
    expect(await codeOf(async () => await execute(removeMember, t.ctx, ben, { organizationId: customer, userId: ben.userId }))).toBe(
      "LAST_ADMIN",
    );
  });
});
