import fc from "fast-check";
import { eq } from "drizzle-orm";
import { adminRelationships, invitations, partnerships, securityGroups, subscriptions, supportAssignments } from "@/db/schema";
import { createAccessAssignment } from "@/lib/access/assignments";
import { runAdminRelationshipJobs } from "@/lib/admin-relationships/jobs";
import { requestAdminRelationshipSchema } from "@/lib/admin-relationships/schemas";
import {
  approveAdminRelationship,
  rejectAdminRelationship,
  requestAdminRelationship,
  terminateAdminRelationship,
} from "@/lib/admin-relationships/service";
import type { Actor } from "@/lib/auth/membership";
import type { DirectoryRoleId } from "@/db/values/directory-roles";
import { acceptInvitation, declineInvitation } from "@/lib/invitations/respond";
import { createInvitation, revokeInvitation } from "@/lib/invitations/service";
import { endPartnership } from "@/lib/partnerships/ending";
import { authorizePartnership, declinePartnership, invitePartnership } from "@/lib/partnerships/service";
import { removeCustomer, removePartner } from "@/lib/relationships/removal";
import { runSubscriptionOp } from "./subscription-operations";
import { activeRelationshipPairs, customerOf, inOrder, partnerOf, type World } from "./world";
import { assignSupport, endSupport, recordSupportAction } from "@/lib/support/service";
import { DAY } from "@/lib/testing/fixtures";
import { execute } from "@/lib/operations/execute";

/*
 * The operations of the relationship invariant test (relationships.invariant.test.ts):
 * every relationship operation of the product as data that fast-check generates and
 * shrinks, run on the world of ./world.ts.
 */
const ROLES: DirectoryRoleId[] = ["global_reader", "helpdesk_administrator", "user_administrator", "global_administrator"];

export const pick = <T>(list: T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);

/**
 * Mostly an operation the rules should allow (so sequences reach deep states), sometimes
 * ("wild") any target at all, across tenants and clouds, which the rules must refuse.
 */
export const choose = <T>(valid: T[], all: T[], i: number, wild: boolean): T | undefined =>
  pick(wild || valid.length === 0 ? all : valid, i);

const wild = fc.integer({ min: 0, max: 4 }).map((n) => n === 0);
const idx = fc.nat();

/** Every operation, as data: fast-check generates and shrinks these. */
export const op = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("accept" as const), i: idx, c: idx, asNew: fc.boolean(), wild }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant("request" as const), i: idx, roles: fc.subarray(ROLES, { minLength: 1 }), wild }), weight: 3 },
  {
    arbitrary: fc.record({ kind: fc.constant("decide" as const), i: idx, approve: fc.integer({ min: 0, max: 3 }).map((n) => n > 0), wild }),
    weight: 3,
  },
  fc.record({ kind: fc.constant("invite" as const), p: idx, c: idx, provider: idx, admin: fc.boolean(), stranger: fc.boolean(), wild }),
  fc.record({ kind: fc.constant("decline" as const), i: idx }),
  fc.record({ kind: fc.constant("revoke" as const), i: idx, wild }),
  fc.record({ kind: fc.constant("terminate" as const), i: idx, byCustomer: fc.boolean(), wild }),
  fc.record({ kind: fc.constant("assignGroup" as const), i: idx, wild }),
  fc.record({ kind: fc.constant("invitePartnership" as const), p: idx, r: idx, wild }),
  fc.record({ kind: fc.constant("answerPartnership" as const), i: idx, authorize: fc.integer({ min: 0, max: 3 }).map((n) => n > 0) }),
  fc.record({ kind: fc.constant("endPartnership" as const), i: idx, byReseller: fc.boolean(), wild }),
  fc.record({ kind: fc.constant("assignSupport" as const), i: idx, s: idx, wild }),
  fc.record({ kind: fc.constant("supportAction" as const), i: idx, end: fc.boolean(), wild }),
  fc.record({ kind: fc.constant("removeCustomer" as const), i: idx, wild }),
  fc.record({ kind: fc.constant("removePartner" as const), i: idx, everything: fc.boolean(), wild }),
  fc.record({ kind: fc.constant("time" as const), days: fc.integer({ min: 1, max: 60 }) }),
  // The subscription operations: the only ones allowed to change a subscription.
  {
    arbitrary: fc.record({ kind: fc.constant("sell" as const), i: idx, product: idx, seats: fc.integer({ min: 1, max: 500 }), wild }),
    weight: 2,
  },
  fc.record({ kind: fc.constant("record" as const), c: idx, product: idx, wild }),
  {
    arbitrary: fc.record({
      kind: fc.constant("changeSubscription" as const),
      i: idx,
      change: fc.constantFrom("seats" as const, "suspend" as const, "reactivate" as const, "cancel" as const),
      byCustomer: fc.boolean(),
      seats: fc.integer({ min: 1, max: 500 }),
      wild,
    }),
    weight: 2,
  },
);
export const OP_KINDS = [
  "invite",
  "accept",
  "decline",
  "revoke",
  "request",
  "decide",
  "terminate",
  "assignGroup",
  "invitePartnership",
  "answerPartnership",
  "endPartnership",
  "assignSupport",
  "supportAction",
  "removeCustomer",
  "removePartner",
  "time",
  "sell",
  "record",
  "changeSubscription",
];
export const SUBSCRIPTION_OPS: ReadonlySet<string> = new Set(["sell", "record", "changeSubscription"]);
export type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

function actorByEmail(w: World, email: string): Actor | undefined {
  return [...w.partners.map((p) => p.admin), ...w.customers.map((c) => c.ga), ...w.strangers].find((a) => a.email === email);
}

/** Runs one operation; false when it had nothing to act on (no invitation yet, …). */
export async function run(w: World, o: Op): Promise<boolean> {
  const ctx = w.t.ctx;
  const db = ctx.db;
  const activeRelationships = async () => await activeRelationshipPairs(db);
  const adminRows = async () => await db.select().from(adminRelationships).orderBy(inOrder);
  switch (o.kind) {
    case "invite": {
      const p = pick(w.partners, o.p)!;
      const sameCloud = w.customers.filter((c) => c.cloud === p.cloud);
      const email = o.stranger ? pick(w.strangers, o.c)!.email : choose(sameCloud, w.customers, o.c, o.wild)!.ga.email;
      const providers = w.partners.filter((x) => x.type === "indirect_provider");
      const providerId =
        choose(
          providers.filter((x) => x.cloud === p.cloud),
          providers,
          o.provider,
          o.wild,
        )?.id ?? null;
      const adminRequest = o.admin
        ? { name: `Ride-along ${w.tokens.length}`, durationDays: 90, roles: ["global_reader" as const], autoExtend: false }
        : null;
      const { token, invitation } = await execute(createInvitation, ctx, p.admin, {
        partnerId: p.id,
        email,
        message: null,
        locale: "en",
        providerId: p.type === "indirect_reseller" || o.wild ? providerId : null,
        adminRequest,
      });
      w.tokens.push({ id: invitation.id, token, email });
      return true;
    }
    case "accept": {
      const open = new Set(
        (await db.select().from(invitations).orderBy(inOrder)).filter((i) => i.state === "sent" || i.state === "opened").map((i) => i.id),
      );
      const inv = choose(
        w.tokens.filter((x) => open.has(x.id)),
        w.tokens,
        o.i,
        o.wild,
      );
      const actor = inv && actorByEmail(w, inv.email);
      if (!inv || !actor) return false;
      const own = w.customers.find((c) => c.ga.email === inv.email);
      if (o.asNew || !own) {
        await execute(acceptInvitation, ctx, actor, {
          token: inv.token,
          target: "new",
          name: `New ${w.domains}`,
          primaryDomain: `new${w.domains++}.example`,
          country: "US",
          agreement: "on",
        });
      } else {
        await execute(acceptInvitation, ctx, actor, {
          token: inv.token,
          target: "existing",
          customerId: o.wild ? pick(w.customers, o.c)!.id : own.id,
          agreement: "on",
        });
      }
      return true;
    }
    case "decline": {
      const inv = pick(w.tokens, o.i);
      const actor = inv && actorByEmail(w, inv.email);
      if (!inv || !actor) return false;
      await execute(declineInvitation, ctx, actor, { token: inv.token });
      return true;
    }
    case "revoke": {
      const rows = await db.select().from(invitations).orderBy(inOrder);
      const inv = choose(
        rows.filter((i) => i.state === "sent" || i.state === "opened"),
        rows,
        o.i,
        o.wild,
      );
      if (!inv) return false;
      const p = partnerOf(w, inv.partnerId);
      await execute(revokeInvitation, ctx, p.admin, { partnerId: p.id, invitationId: inv.id });
      return true;
    }
    case "request": {
      const pairs = (await activeRelationships()).filter((r) => customerOf(w, r.customerId));
      const everyPair = w.partners.flatMap((p) => w.customers.map((c) => ({ partnerId: p.id, customerId: c.id })));
      const pair = choose(pairs, everyPair, o.i, o.wild)!;
      const p = partnerOf(w, pair.partnerId);
      await execute(
        requestAdminRelationship,
        ctx,
        p.admin,
        requestAdminRelationshipSchema.parse({
          partnerId: p.id,
          customerId: pair.customerId,
          name: `Rel ${w.domains++}`,
          durationDays: "60",
          roles: o.roles,
        }),
      );
      return true;
    }
    case "decide": {
      const rows = await adminRows();
      const r = choose(
        rows.filter((x) => x.state === "approvalPending"),
        rows,
        o.i,
        o.wild,
      );
      const c = r && customerOf(w, r.customerId);
      if (!r || !c) return false;
      const ref = { organizationId: c.id, relationshipId: r.id };
      // One approval in four comes from a stale sign-in: refused Global Administrator
      // (REAUTH_REQUIRED), it changes nothing. (From the index, so the sequences stay as they were.)
      const fresh = o.i % 4 !== 0;
      if (o.approve) await execute(approveAdminRelationship, ctx, fresh ? { ...c.ga, signedInAt: ctx.now() } : c.ga, ref);
      else await execute(rejectAdminRelationship, ctx, c.ga, ref);
      return true;
    }
    case "terminate": {
      const rows = await adminRows();
      const r = choose(
        rows.filter((x) => x.state === "active" || x.state === "expiring"),
        rows,
        o.i,
        o.wild,
      );
      if (!r) return false;
      const c = customerOf(w, r.customerId);
      const p = partnerOf(w, r.partnerId);
      if (o.byCustomer && c) await execute(terminateAdminRelationship, ctx, c.ga, { organizationId: c.id, relationshipId: r.id });
      else await execute(terminateAdminRelationship, ctx, p.admin, { organizationId: p.id, relationshipId: r.id });
      return true;
    }
    case "assignGroup": {
      const rows = await adminRows();
      const r = choose(
        rows.filter((x) => x.state === "active" || x.state === "expiring"),
        rows,
        o.i,
        o.wild,
      );
      if (!r) return false;
      const p = partnerOf(w, r.partnerId);
      const group = (await db.select().from(securityGroups).where(eq(securityGroups.partnerId, p.id)).orderBy(inOrder))[w.domains++ % 2];
      await execute(createAccessAssignment, ctx, p.admin, {
        partnerId: p.id,
        relationshipId: r.id,
        groupId: group.id,
        roles: r.roles.slice(0, 1),
      });
      return true;
    }
    case "invitePartnership": {
      const providers = w.partners.filter((x) => x.type === "indirect_provider");
      const p = choose(providers, w.partners, o.p, o.wild)!;
      const resellers = w.partners.filter((x) => x.type === "indirect_reseller");
      const r = choose(
        resellers.filter((x) => x.cloud === p.cloud),
        resellers,
        o.r,
        o.wild,
      )!;
      const { token } = await execute(invitePartnership, ctx, p.admin, {
        providerId: p.id,
        email: r.admin.email,
        resellerPartnerId: r.publicId,
        locale: "en",
      });
      w.partnershipTokens.push({ token, email: r.admin.email });
      return true;
    }
    case "answerPartnership": {
      const link = pick(w.partnershipTokens.slice(-2), o.i);
      const actor = link && actorByEmail(w, link.email);
      if (!link || !actor) return false;
      if (o.authorize) await execute(authorizePartnership, ctx, actor, { token: link.token });
      else await execute(declinePartnership, ctx, actor, { token: link.token });
      return true;
    }
    case "endPartnership": {
      const rows = await db.select().from(partnerships).orderBy(inOrder);
      const row = choose(
        rows.filter((x) => x.state === "active"),
        rows,
        o.i,
        o.wild,
      );
      if (!row) return false;
      const side = partnerOf(w, o.byReseller ? row.resellerId : row.providerId);
      await execute(endPartnership, ctx, side.admin, { organizationId: side.id, partnershipId: row.id });
      return true;
    }
    case "assignSupport": {
      const holders = (await adminRows()).filter((x) => (x.state === "active" || x.state === "expiring") && customerOf(w, x.customerId));
      const everyPair = w.partners.flatMap((p) => w.customers.map((c) => ({ partnerId: p.id, customerId: c.id })));
      const pair = choose(holders, everyPair, o.i, o.wild)!;
      const c = customerOf(w, pair.customerId)!;
      const subs = await db.select().from(subscriptions).where(eq(subscriptions.customerId, c.id)).orderBy(inOrder);
      const sub = choose(
        subs.filter((x) => x.partnerOfRecordId !== pair.partnerId),
        subs,
        o.s,
        o.wild,
      )!;
      await execute(assignSupport, ctx, c.ga, { customerId: c.id, subscriptionId: sub.id, partnerId: pair.partnerId });
      return true;
    }
    case "supportAction": {
      const rows = await db.select().from(supportAssignments).orderBy(inOrder);
      const a = choose(
        rows.filter((x) => x.state === "active"),
        rows,
        o.i,
        o.wild,
      );
      if (!a) return false;
      const c = customerOf(w, a.customerId);
      const p = partnerOf(w, a.partnerId);
      if (o.end && c) await execute(endSupport, ctx, c.ga, { customerId: c.id, assignmentId: a.id });
      else await execute(recordSupportAction, ctx, p.admin, { partnerId: p.id, assignmentId: a.id, note: "Checked licences" });
      return true;
    }
    case "removeCustomer": {
      const everyPair = w.partners.flatMap((p) => w.customers.map((c) => ({ partnerId: p.id, customerId: c.id })));
      const pair = choose(await activeRelationships(), everyPair, o.i, o.wild)!;
      const p = partnerOf(w, pair.partnerId);
      await execute(removeCustomer, ctx, p.admin, {
        partnerId: p.id,
        customerId: pair.customerId,
        attestation: "The customer asked us to end the relationship.",
      });
      return true;
    }
    case "removePartner": {
      const everyPair = w.partners.flatMap((p) => w.customers.map((c) => ({ partnerId: p.id, customerId: c.id })));
      const pair = choose(
        (await activeRelationships()).filter((r) => customerOf(w, r.customerId)),
        everyPair,
        o.i,
        o.wild,
      )!;
      const c = customerOf(w, pair.customerId)!;
      await execute(removePartner, ctx, c.ga, {
        customerId: c.id,
        partnerId: pair.partnerId,
        scope: o.everything ? "everything" : "admin_roles",
      });
      return true;
    }
    case "time": {
      w.t.advance(o.days * DAY);
      await runAdminRelationshipJobs(ctx);
      return true;
    }
    case "sell":
    case "record":
    case "changeSubscription":
      return await runSubscriptionOp(w, o);
  }
}
