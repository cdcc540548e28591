import { expect, test } from "@playwright/test";
import { createHash, randomBytes } from "node:crypto";
import { actionIds, postAction, type ActionResponse, type Fields } from "./support/actions";
import { sessionCookieFor, userFor, withDb } from "./support/db";
import { E2E } from "./support/ports";
import { buildWorld } from "./support/matrix-world";

/*
 * The races of lib/invitations/race.test.ts again, over real HTTP against the running
 * server: 100 requests for one object sent at once. Exactly one may win; the others are told
 * it was already used (or already decided, already ended) and leave nothing behind.
 */
const hash = (t: string) => createHash("sha256").update(t).digest("hex");
const count = (sql: string, ...args: unknown[]) => withDb((db) => (db.prepare(sql).get(...args) as { n: number }).n);

type Attempt = { action: string; fields: Fields; cookie: string };

type Playwright = Parameters<Parameters<typeof test>[2]>[0]["playwright"];

/**
 * Sends the 100 requests together on fresh connections: a kept-alive socket left idle for
 * the server's keep-alive timeout can be closed just as a request goes out on it.
 */
async function hundredAtOnce(playwright: Playwright, attempt: (i: number) => Attempt): Promise<ActionResponse[]> {
  const ids = actionIds();
  const attempts = Array.from({ length: 100 }, (_, i) => attempt(i));
  for (const a of attempts) expect(ids.get(a.action), `${a.action} is in the build`).toBeTruthy();
  const request = await playwright.request.newContext({ baseURL: E2E.baseUrl });
  const responses = await Promise.all(attempts.map((a) => postAction(request, ids.get(a.action)!, a.fields, { cookie: a.cookie }))).finally(
    () => request.dispose(),
  );
  for (const r of responses) {
    expect(r.status, r.body.slice(0, 200)).toBe(200);
    expect(r.serverError, r.body.slice(0, 200)).toBe(false);
  }
  return responses;
}

const won = (r: ActionResponse) => Boolean(r.redirect) || r.result?.ok === true;

test.describe("races over HTTP", () => {
  test.describe.configure({ timeout: 120_000 });

  test("100 accepts of one invitation: one relationship, one accepted invitation, one activity row, one notice; 99 told it was used", async ({
    playwright,
  }) => {
    const world = buildWorld();
    const t = Date.now();
    const email = `racer-${t}@race.example`;
    const token = randomBytes(32).toString("base64url");
    const invitationId = `inv_race_${t}`;
    const cookie = withDb((db) => {
      db.prepare(
        "insert into invitations (id, partner_id, email, locale, token_hash, state, send_count, created_by_user_id, created_at, last_sent_at, expires_at) values (?, ?, ?, 'en', ?, 'sent', 1, (select id from users limit 1), ?, ?, ?)",
      ).run(invitationId, world.P, email, hash(token), t, t, t + 86_400_000);
      return sessionCookieFor(db, userFor(db, email));
    });
    const organizationsBefore = count("select count(*) as n from organizations");

    // Each attempt names its own new organization, so only the invitation itself is contended.
    const responses = await hundredAtOnce(playwright, (i) => ({
      action: "acceptInvitationAction",
      cookie,
      fields: { token, target: "new", name: `Racer ${t}-${i}`, primaryDomain: `racer-${t}-${i}.example`, country: "US", agreement: "on" },
    }));

    expect(responses.filter(won)).toHaveLength(1);
    expect(responses.filter((r) => !won(r)).map((r) => r.result?.code)).toEqual(Array(99).fill("INVITATION_USED"));
    expect(count("select count(*) as n from invitations where id = ? and state = 'accepted'", invitationId)).toBe(1);
    expect(count("select count(*) as n from reseller_relationships where invitation_id = ?", invitationId)).toBe(1);
    expect(count("select count(*) as n from organizations") - organizationsBefore).toBe(1);
    expect(count("select count(*) as n from audit_events where action = 'invitation.accepted' and target_id = ?", invitationId)).toBe(1);
    expect(count("select count(*) as n from email_outbox where kind = 'invitation.accepted' and related_id = ?", invitationId)).toBe(1);
  });

  test("100 approvals and rejections of one request, then 100 terminations from both sides: one decision, ended once", async ({
    request,
    playwright,
  }) => {
    const world = buildWorld();
    const partnerAgent = world.sessions["partner admin_agent"];
    const customerAdmin = world.sessions["customer Global administrator"];
    const ids = actionIds();
    const ask = async (name: string) => {
      const res = await postAction(
        request,
        ids.get("requestAdminRelationshipAction")!,
        { partnerId: world.P, customerId: world.C, name, durationDays: "90", roles: ["global_reader"] },
        { cookie: partnerAgent },
      );
      expect(res.result?.ok, res.body.slice(0, 300)).toBe(true);
      return withDb((db) => (db.prepare("select id from admin_relationships where name = ?").get(name) as { id: string }).id);
    };
    const activity = (id: string, action: string) =>
      count("select count(*) as n from audit_events where target_id = ? and action = ?", id, action);

    const contended = await ask(`Race decision ${Date.now()}`);
    // Half approve, half reject, all at once.
    const decisions = await hundredAtOnce(playwright, (i) => ({
      action: i % 2 ? "approveAdminRelationshipAction" : "rejectAdminRelationshipAction",
      cookie: customerAdmin,
      fields: { organizationId: world.C, relationshipId: contended },
    }));
    expect(decisions.filter(won)).toHaveLength(1);
    expect(new Set(decisions.filter((r) => !won(r)).map((r) => r.result?.code)).size, "the 99 others get one and the same refusal").toBe(1);
    expect(activity(contended, "admin_relationship.approved") + activity(contended, "admin_relationship.rejected")).toBe(1);

    // Both sides end one active relationship at the same instant.
    const active = await ask(`Race termination ${Date.now()}`);
    const approved = await postAction(
      request,
      actionIds().get("approveAdminRelationshipAction")!,
      { organizationId: world.C, relationshipId: active },
      { cookie: customerAdmin },
    );
    expect(approved.result?.ok, approved.body.slice(0, 300)).toBe(true);
    const ends = await hundredAtOnce(playwright, (i) => ({
      action: "terminateAdminRelationshipAction",
      cookie: i % 2 ? customerAdmin : partnerAgent,
      fields: { organizationId: i % 2 ? world.C : world.P, relationshipId: active },
    }));
    expect(ends.filter(won)).toHaveLength(1);
    expect(count("select count(*) as n from admin_relationships where id = ? and state = 'terminated'", active)).toBe(1);
    expect(activity(active, "admin_relationship.terminated")).toBe(1);
  });
});
