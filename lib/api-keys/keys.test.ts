import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditEvents, emailOutbox, memberships, users } from "@/db/schema";
import { changeMemberRoles, removeMember } from "@/lib/team/service";
import { getMember, type Actor } from "@/lib/auth/membership";
import { createInvitation } from "@/lib/invitations/service";
import { declineInvitation } from "@/lib/invitations/respond";
import { execute } from "@/lib/operations/execute";
import { offboardPartner, suspendPartner } from "@/lib/operator/partners";
import { addMember, addOperatorMember, addPartner, codeOf, DAY, testContext } from "@/lib/testing/fixtures";
import { authenticateKey } from "./authenticate";
import { listApiKeys } from "./queries";
import { createApiKey, revokeApiKey } from "./operations";
import { isWellFormedKey, newKeySecret } from "./secret";

let t: Awaited<ReturnType<typeof testContext>>;
let partner: string;
let other: string;
let admin: Actor;

beforeEach(async () => {
  t = await testContext();
  partner = await addPartner(t.ctx.db, { name: "Northwind", domain: "northwind.example" });
  other = await addPartner(t.ctx.db, { name: "Contoso", domain: "contoso.example" });
  admin = await addMember(t.ctx.db, partner, "ada@northwind.example", ["account_admin"]);
});

const makeKey = async (scopes: string[], over: { by?: Actor; organizationId?: string; days?: number } = {}) =>
  await execute(createApiKey, t.ctx, over.by ?? admin, {
    organizationId: over.organizationId ?? partner,
    name: "PSA sync",
    expiresInDays: over.days ?? 90,
    scopes: scopes as never,
  });

const keyActor = async (secret: string) => {
  const auth = await authenticateKey(t.ctx, `Bearer ${secret}`);
  if (!auth.ok) throw new Error(auth.code);
  return auth.actor;
};
const refusal = async (secret: string) => {
  const auth = await authenticateKey(t.ctx, `Bearer ${secret}`);
  return auth.ok ? "accepted" : auth.code;
};
const invite = (actor: Actor, partnerId = partner) =>
  execute(createInvitation, t.ctx, actor, { partnerId, email: `x${Math.random()}@fabrikam.example`, message: null, locale: "en" });

describe("API key secrets", () => {
  it("have a recognisable prefix and a checksum: a changed character is refused before any lookup", () => {
    const { secret, hash, prefix } = newKeySecret();
    expect(secret).toMatch(/^prc_[0-9A-Za-z]{49}$/);
    expect(isWellFormedKey(secret)).toBe(true);
    expect(prefix).toBe(secret.slice(0, 10));
    expect(hash).not.toContain(secret.slice(4));
    const last = secret.at(-1)!;
    expect(isWellFormedKey(secret.slice(0, -1) + (last === "a" ? "b" : "a"))).toBe(false);
    expect(isWellFormedKey(`x${secret.slice(1)}`)).toBe(false);
  });
});

describe("API keys", () => {
  it("are made by an Account admin with scopes they hold, shown once, stored as a hash, and act as the key", async () => {
    const key = await makeKey(["invitations.write", "invitations.read"]);
    const [listed] = await listApiKeys(t.ctx.db, await memberOf(admin), t.ctx.now());
    expect(listed).toMatchObject({ name: "PSA sync", status: "active", lostScopes: [], makerLeft: false });
    expect(JSON.stringify(listed)).not.toContain(key.secret);
    const actor = await keyActor(key.secret);
    const { invitation } = await invite(actor);
    const [row] = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.targetId, invitation.id));
    expect(row).toMatchObject({ actorEmail: "ada@northwind.example", actorKeyId: key.id, actorKeyName: "PSA sync" });
  });

  it("which privilege: nobody gives a key what they do not hold, and only Account admins make keys", async () => {
    expect(await codeOf(() => makeKey(["admin_relationships.write"]))).toBe("CANNOT_GRANT");
    const sales = await addMember(t.ctx.db, partner, "sam@northwind.example", ["sales_agent"]);
    expect(await codeOf(() => makeKey(["invitations.write"], { by: sales }))).toBe("FORBIDDEN");
    // A key acts within its scopes only, whatever its maker may.
    const readOnly = await keyActor((await makeKey(["invitations.read"])).secret);
    expect(await codeOf(() => invite(readOnly))).toBe("FORBIDDEN");
    // A key never makes keys, nor answers links as its maker.
    const writer = await keyActor((await makeKey(["invitations.write"])).secret);
    expect(
      await codeOf(() =>
        execute(createApiKey, t.ctx, writer, { organizationId: partner, name: "k", expiresInDays: 1, scopes: ["invitations.read"] }),
      ),
    ).toBe("FORBIDDEN");
    expect(await codeOf(() => execute(declineInvitation, t.ctx, writer, { token: "x".repeat(43) }))).toBe("FORBIDDEN");
  });

  it("which tenant: a key reaches its own organization only, and another's keys are not found", async () => {
    // Its maker is an Account admin of both partners: the key still reaches only the one it was made for.
    await addMember(t.ctx.db, other, "ada@northwind.example", ["account_admin", "sales_agent"]);
    const key = await makeKey(["invitations.write"]);
    const actor = await keyActor(key.secret);
    await invite(actor);
    expect(await codeOf(() => invite(actor, other))).toBe("NOT_FOUND");
    expect(await codeOf(() => invite(admin, other))).toBe("no error");
    const theirs = await addMember(t.ctx.db, other, "cy@contoso.example", ["account_admin"]);
    const theirKey = await makeKey(["invitations.read"], { by: theirs, organizationId: other });
    expect(await codeOf(() => execute(revokeApiKey, t.ctx, admin, { organizationId: partner, keyId: theirKey.id }))).toBe("NOT_FOUND");
    const bo = await addMember(t.ctx.db, partner, "bo@northwind.example", ["account_admin"]);
    expect(await codeOf(() => makeKey(["invitations.read"], { by: bo, organizationId: other }))).toBe("NOT_FOUND");
  });

  it("which moment: revoked, expired, a maker who lost the permission or left, an offboarded partner", async () => {
    const revoked = await makeKey(["invitations.write"]);
    await execute(revokeApiKey, t.ctx, admin, { organizationId: partner, keyId: revoked.id });
    expect(await refusal(revoked.secret)).toBe("KEY_REVOKED");
    expect(await codeOf(() => execute(revokeApiKey, t.ctx, admin, { organizationId: partner, keyId: revoked.id }))).toBe("KEY_REVOKED");
    expect(await refusal(`prc_${"A".repeat(49)}`)).toBe("KEY_INVALID");
    expect(await refusal("")).toBe("UNAUTHENTICATED");

    const short = await makeKey(["invitations.write"], { days: 1 });
    t.advance(DAY);
    expect(await refusal(short.secret)).toBe("KEY_EXPIRED");

    const sales = await addMember(t.ctx.db, partner, "sam@northwind.example", ["account_admin", "sales_agent"]);
    const key = await makeKey(["invitations.write"], { by: sales });
    const actor = await keyActor(key.secret);
    await invite(actor);
    // Its maker is now a Helpdesk agent only: the key loses what they lost, and the page says so.
    await t.ctx.db
      .update(memberships)
      .set({ roles: ["helpdesk_agent"] })
      .where(eq(memberships.userId, sales.userId));
    expect(await codeOf(() => invite(actor))).toBe("FORBIDDEN");
    const listed = (await listApiKeys(t.ctx.db, await memberOf(admin), t.ctx.now())).find((k) => k.id === key.id)!;
    expect(listed.lostScopes).toEqual(["invitations.write"]);
    await t.ctx.db.delete(memberships).where(eq(memberships.userId, sales.userId));
    expect(await refusal(key.secret)).toBe("KEY_MAKER_LEFT");

    const live = await makeKey(["invitations.write"]);
    const operator = await addOperatorMember(t.ctx.db, "op@program.example");
    await execute(suspendPartner, t.ctx, operator, { partnerId: partner, reason: "Unpaid invoices" });
    // A suspended partner's key still answers, and reaches out to nobody.
    expect(await codeOf(async () => invite(await keyActor(live.secret)))).toBe("PARTNER_SUSPENDED");
    await execute(offboardPartner, t.ctx, operator, { partnerId: partner, reason: "Left the program", confirmName: "Northwind" });
    expect(await refusal(live.secret)).toBe("PARTNER_OFFBOARDED");
  });

  it("emails the key admins, in their language, when a maker's roles change takes a key's scope or the maker leaves", async () => {
    await t.ctx.db.update(users).set({ locale: "de" }).where(eq(users.id, admin.userId));
    const sam = await addMember(t.ctx.db, partner, "sam@northwind.example", ["account_admin", "sales_agent"]);
    const key = await makeKey(["invitations.write", "invitations.read"], { by: sam });
    const mail = async () => await t.ctx.db.select().from(emailOutbox).where(eq(emailOutbox.kind, "api_key_weakened"));
    // A change that keeps every scope the key has tells nobody.
    await execute(changeMemberRoles, t.ctx, admin, { organizationId: partner, userId: sam.userId, roles: ["sales_agent"] });
    expect(await mail()).toHaveLength(0);
    await execute(changeMemberRoles, t.ctx, admin, { organizationId: partner, userId: sam.userId, roles: ["helpdesk_agent"] });
    const [weakened] = await mail();
    expect(weakened).toMatchObject({ toAddress: "ada@northwind.example", relatedId: key.id });
    expect(weakened!.textBody).toContain("Kunden einladen");
    await execute(removeMember, t.ctx, admin, { organizationId: partner, userId: sam.userId });
    expect((await mail()).map((m) => m.subject)).toEqual([weakened!.subject, "API-Schlüssel „PSA sync“ funktioniert nicht mehr"]);
  });
});

async function memberOf(actor: Actor) {
  return (await getMember(t.ctx.db, actor, partner))!;
}
