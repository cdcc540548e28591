import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditEvents, invitations, webhookDeliveries } from "@/db/schema";
import type { Actor } from "@/lib/auth/membership";
import { execute } from "@/lib/operations/execute";
import { addMember, addPartner, DAY, testContext } from "@/lib/testing/fixtures";
import { createWebhookEndpoint } from "@/lib/webhooks/operations";
import { noteExpiredInvitations } from "./expiry";
import { createInvitation, resendInvitation, revokeInvitation } from "./service";

let t: Awaited<ReturnType<typeof testContext>>;
let partner: string;
let agent: Actor;

beforeEach(async () => {
  t = await testContext();
  t.ctx.config.webhookAllowedHosts = ["127.0.0.1"];
  partner = await addPartner(t.ctx.db, { name: "Northwind", domain: "northwind.example" });
  agent = await addMember(t.ctx.db, partner, "agent@northwind.example", ["account_admin"]);
  await execute(createWebhookEndpoint, t.ctx, agent, {
    organizationId: partner,
    url: "http://127.0.0.1:9/hook",
    eventTypes: ["invitation-expired"],
    description: undefined,
  });
});

const invite = async (email: string) =>
  await execute(createInvitation, t.ctx, agent, { partnerId: partner, email, message: null, locale: "en" });
const noted = async () => await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, "invitation.expired"));
const events = async () => (await t.ctx.db.select().from(webhookDeliveries)).map((d) => d.eventType);

describe("invitation expiry", () => {
  it("is noted once when an open invitation's time runs out: an activity entry and the invitation-expired event", async () => {
    const { invitation } = await invite("olivia@adventure.example");
    const revoked = await invite("ben@adventure.example");
    await execute(revokeInvitation, t.ctx, agent, { partnerId: partner, invitationId: revoked.invitation.id });
    expect(await noteExpiredInvitations(t.ctx)).toBe(0);

    t.advance(t.ctx.config.invitationTtlDays * DAY);
    expect(await noteExpiredInvitations(t.ctx)).toBe(1); // the revoked one did not expire
    expect(await noteExpiredInvitations(t.ctx)).toBe(0); // twice in a row, or two servers: once
    const entries = await noted();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ organizationId: partner, targetId: invitation.id, actorUserId: null });
    expect(await events()).toEqual(["invitation-expired"]);
  });

  it("a resend starts the clock again, and the new expiry is noted in its turn", async () => {
    const { invitation } = await invite("olivia@adventure.example");
    t.advance(t.ctx.config.invitationTtlDays * DAY);
    await noteExpiredInvitations(t.ctx);
    await execute(resendInvitation, t.ctx, agent, { partnerId: partner, invitationId: invitation.id });
    const [row] = await t.ctx.db.select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(row!.expiryNotedAt).toBeNull();
    expect(await noteExpiredInvitations(t.ctx)).toBe(0);
    t.advance(t.ctx.config.invitationTtlDays * DAY);
    expect(await noteExpiredInvitations(t.ctx)).toBe(1);
    expect(await noted()).toHaveLength(2);
  });
});
