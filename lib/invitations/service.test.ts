import { rawAll } from "@/lib/testing/raw";
import { firstRow } from "@/db/query";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditEvents, emailOutbox, invitations } from "@/db/schema";
import { addMember, addPartner, addUser, codeOf, count, DAY, testContext } from "@/lib/testing/fixtures";
import type { Actor } from "@/lib/auth/membership";
import { acceptInvitation, declineInvitation, findInvitationByToken, markInvitationOpened } from "./respond";
import { createInvitation, resendInvitation, revokeInvitation } from "./service";
import { invitationStatus } from "./status";
import { execute } from "@/lib/operations/execute";

let t: Awaited<ReturnType<typeof testContext>>;
let partnerId: string;
let agent: Actor;

const newOrg = (token: string) => ({
  token,
  target: "new" as const,
  name: "Blue Yonder Airlines",
  primaryDomain: "blueyonder.example",
  country: "US",
  agreement: "on" as const,
});

beforeEach(async () => {
  t = await testContext();
  partnerId = await addPartner(t.ctx.db, { name: "Northwind", domain: "northwind.example" });
  agent = await addMember(t.ctx.db, partnerId, "agent@northwind.example", ["admin_agent"]);
});

async function invite(email = "grace@blueyonder.example") {
  return await execute(createInvitation, t.ctx, agent, { partnerId, email, message: "Hello Grace", locale: "en" });
}

describe("createInvitation", () => {
  it("writes the invitation, its audit row and its email in one go, storing only the token's hash", async () => {
    const { invitation, token } = await invite();
    const row = (await firstRow(t.ctx.db.select().from(invitations).where(eq(invitations.id, invitation.id))))!;
    expect(row.state).toBe("sent");
    expect(row.tokenHash).not.toBe(token);
    expect(JSON.stringify(await rawAll(t.ctx.db, "select * from invitations"))).not.toContain(token);
    expect((await t.ctx.db.select().from(auditEvents)).map((e) => e.action)).toEqual(["invitation.sent"]);
    const mail = (await firstRow(t.ctx.db.select().from(emailOutbox)))!;
    expect(mail.toAddress).toBe("grace@blueyonder.example");
    expect(mail.textBody).toContain(`http://localhost:3000/invite/${token}`);
    expect(mail.htmlBody).toContain(`http://localhost:3000/invite/${token}`);
    // Rule 3 is spelled out in the email.
    expect(mail.textBody).toContain("change the partner of record of any subscription");
    expect(mail.textBody).toContain("Northwind");
  });

  it("expires after the configured lifetime", async () => {
    t.ctx.config.invitationTtlDays = 3;
    const { invitation } = await invite();
    expect(invitation.expiresAt.getTime() - invitation.createdAt.getTime()).toBe(3 * DAY);
  });

  it("stores the address normalized (case and Unicode compatibility forms)", async () => {
    const { invitation } = await invite("  Grace@ＢlueYonder.Example ");
    expect(invitation.email).toBe("grace@blueyonder.example");
  });

  it("is refused to roles without the permission, and changes nothing", async () => {
    for (const role of ["billing_admin", "helpdesk_agent", "user_management_admin"] as const) {
      const member = await addMember(t.ctx.db, partnerId, `${role}@northwind.example`, [role]);
      expect(
        await codeOf(
          async () => await execute(createInvitation, t.ctx, member, { partnerId, email: "x@y.example", message: null, locale: "en" }),
        ),
      ).toBe("FORBIDDEN");
    }
    for (const role of ["account_admin", "sales_agent"] as const) {
      const member = await addMember(t.ctx.db, partnerId, `${role}@northwind.example`, [role]);
      expect(
        await codeOf(
          async () =>
            await execute(createInvitation, t.ctx, member, { partnerId, email: `${role}@y.example`, message: null, locale: "en" }),
        ),
      ).toBe("no error");
    }
    expect(await count(t.ctx.db, "invitations")).toBe(2);
  });

  it("treats another partner's id as not found", async () => {
    const other = await addPartner(t.ctx.db, { name: "Fabrikam", domain: "fabrikam.example" });
    expect(
      await codeOf(
        async () => await execute(createInvitation, t.ctx, agent, { partnerId: other, email: "x@y.example", message: null, locale: "en" }),
      ),
    ).toBe("NOT_FOUND");
    expect(await count(t.ctx.db, "invitations")).toBe(0);
  });

  it("refuses to invite the partner's own people (a partner cannot resell to itself)", async () => {
    await addMember(t.ctx.db, partnerId, "colleague@northwind.example", ["sales_agent"]);
    expect(await codeOf(async () => await invite("Colleague@Northwind.example"))).toBe("SELF_INVITE");
  });
});

describe("token rules", () => {
  it("single use: a second accept and a decline after accepting are refused", async () => {
    const { token } = await invite();
    const grace = await addUser(t.ctx.db, "grace@blueyonder.example");
    await execute(acceptInvitation, t.ctx, grace, newOrg(token));
    expect(await codeOf(async () => await execute(acceptInvitation, t.ctx, grace, newOrg(token)))).toBe("INVITATION_USED");
    expect(await codeOf(async () => await execute(declineInvitation, t.ctx, grace, { token }))).toBe("INVITATION_USED");
    expect(await count(t.ctx.db, "reseller_relationships")).toBe(1);
  });

  it("bound to the invited address: another signed-in account is refused and nothing changes", async () => {
    const { token } = await invite();
    const mallory = await addUser(t.ctx.db, "mallory@blueyonder.example");
    const before = await count(t.ctx.db, "audit_events");
    expect(await codeOf(async () => await execute(acceptInvitation, t.ctx, mallory, newOrg(token)))).toBe("WRONG_ACCOUNT");
    expect(await codeOf(async () => await execute(declineInvitation, t.ctx, mallory, { token }))).toBe("WRONG_ACCOUNT");
    expect(await count(t.ctx.db, "audit_events")).toBe(before);
    expect((await findInvitationByToken(t.ctx, token))!.state).toBe("sent");
  });

  it("a homoglyph address (Cyrillic а) is a different address", async () => {
    const { token } = await invite("grace@blueyonder.example");
    const lookalike = await addUser(t.ctx.db, "grаce@blueyonder.example"); // the "а" is U+0430
    expect(await codeOf(async () => await execute(acceptInvitation, t.ctx, lookalike, newOrg(token)))).toBe("WRONG_ACCOUNT");
  });

  it("expires after 14 days by default", async () => {
    const { token } = await invite();
    const grace = await addUser(t.ctx.db, "grace@blueyonder.example");
    t.advance(14 * DAY);
    expect(invitationStatus((await findInvitationByToken(t.ctx, token))!, t.ctx.now())).toBe("expired");
    expect(await codeOf(async () => await execute(acceptInvitation, t.ctx, grace, newOrg(token)))).toBe("INVITATION_EXPIRED");
  });

  it("works until the last moment before expiry", async () => {
    const { token } = await invite();
    const grace = await addUser(t.ctx.db, "grace@blueyonder.example");
    t.advance(14 * DAY - 1);
    expect(await codeOf(async () => await execute(acceptInvitation, t.ctx, grace, newOrg(token)))).toBe("no error");
  });

  it("resend issues a new token and kills the old one", async () => {
    const { invitation, token: oldToken } = await invite();
    t.advance(20 * DAY); // expired invitations can be resent
    const { token: newToken } = await execute(resendInvitation, t.ctx, agent, { partnerId, invitationId: invitation.id });
    expect(newToken).not.toBe(oldToken);
    expect(await findInvitationByToken(t.ctx, oldToken)).toBeNull();
    const grace = await addUser(t.ctx.db, "grace@blueyonder.example");
    expect(await codeOf(async () => await execute(acceptInvitation, t.ctx, grace, newOrg(oldToken)))).toBe("INVITATION_INVALID");
    expect(await codeOf(async () => await execute(acceptInvitation, t.ctx, grace, newOrg(newToken)))).toBe("no error");
    expect(await count(t.ctx.db, "email_outbox")).toBe(3); // first send, resend, accepted notice
  });

  it("revoke makes the link show as withdrawn, and cannot be undone by a resend", async () => {
    const { invitation, token } = await invite();
    await execute(revokeInvitation, t.ctx, agent, { partnerId, invitationId: invitation.id });
    const grace = await addUser(t.ctx.db, "grace@blueyonder.example");
    expect(await codeOf(async () => await execute(acceptInvitation, t.ctx, grace, newOrg(token)))).toBe("INVITATION_REVOKED");
    expect(await codeOf(async () => await execute(resendInvitation, t.ctx, agent, { partnerId, invitationId: invitation.id }))).toBe(
      "INVITATION_NOT_OPEN",
    );
  });

  it("opening the page marks it opened, once, and changes nothing else", async () => {
    const { token } = await invite();
    await execute(markInvitationOpened, t.ctx, "system", { token });
    await execute(markInvitationOpened, t.ctx, "system", { token });
    expect((await findInvitationByToken(t.ctx, token))!.state).toBe("opened");
    expect((await t.ctx.db.select().from(auditEvents)).map((e) => e.action)).toEqual(["invitation.sent", "invitation.opened"]);
    expect(await count(t.ctx.db, "reseller_relationships")).toBe(0);
  });

  it("decline records it and tells the partner in the inviter's language", async () => {
    const { token } = await invite();
    const grace = await addUser(t.ctx.db, "grace@blueyonder.example");
    await execute(declineInvitation, t.ctx, grace, { token });
    expect((await findInvitationByToken(t.ctx, token))!.state).toBe("declined");
    const notice = (await firstRow(t.ctx.db.select().from(emailOutbox).where(eq(emailOutbox.kind, "invitation.declined"))))!;
    expect(notice.toAddress).toBe("agent@northwind.example");
    expect(notice.subject).toBe("grace@blueyonder.example declined your invitation");
  });
});
