import { drizzle } from "drizzle-orm/better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type Db } from "@/db/client";
import * as schema from "@/db/schema";
import { BENCH_ADMIN_EMAIL, BENCH_CUSTOMER_ID, BENCH_PARTNER_ID, seedLarge } from "@/lib/seed/large";
import { listAssignments, listGroups, listGroupsWithMembers } from "@/lib/access/queries";
import { expiryCounts, listExpiring } from "@/lib/admin-relationships/expiring";
import { runAdminRelationshipJobs } from "@/lib/admin-relationships/jobs";
import { listCustomerAdminRelationships, listPartnerAdminRelationships } from "@/lib/admin-relationships/queries";
import { listActivity } from "@/lib/audit/activity";
import { listCustomerActivity, listPartnerActivityForCustomer } from "@/lib/audit/queries";
import { getMember, type Member } from "@/lib/auth/membership";
import { listCustomerPartners, listSubscriptionsOf } from "@/lib/customers/queries";
import { INVITATION_SORTS, listPartnerInvitations } from "@/lib/invitations/queries";
import { CUSTOMER_SORTS, customerNameOf, getPartnerCustomerOrThrow, listPartnerCustomers, matchCustomers } from "@/lib/partners/queries";
import { listInvitationsNamingProvider, listPartnerships, listResellerCustomers } from "@/lib/partnerships/queries";
import { listSupportedSubscriptions } from "@/lib/support/queries";
import { listPartnerSubscriptions } from "@/lib/subscriptions/queries";
import { listMembers, listPendingMemberInvitations } from "@/lib/team/queries";

/**
 * Every dashboard query, on the large seed's shape (its generator at 1/20 scale, then
 * ANALYZE so the planner sees the real proportions): the plan must reach rows through an
 * index that starts with the tenant, never scan a big table and never sort one in a
 * temporary B-tree. The queries are captured from the real query functions, not retyped.
 */
const BIG_TABLES = [
  "organizations",
  "reseller_relationships",
  "admin_relationships",
  "subscriptions",
  "invitations",
  "audit_events",
  "users",
  "memberships",
];

/**
 * Queries whose rows are bounded by one customer, one relationship or one organization's
 * own people and groups (tens of rows even for the largest tenant): a small in-memory sort
 * is cheaper than another index to maintain. Every tenant-wide list is not in here.
 */
const BOUNDED = ["customer page", "customer dashboard: admin relationships", "team", "groups"];

type Captured = { name: string; sql: string; params: unknown[] };
let captured: Captured[] = [];
let db: Db;
let raw: Db["$client"];
let partner: Member;
let customer: Member;

beforeAll(async () => {
  const base = openTestDatabase();
  raw = base.$client;
  seedLarge(raw, { scale: 0.05 });
  raw.exec("ANALYZE");
  let current = "";
  db = drizzle(raw, { schema, logger: { logQuery: (sql, params) => captured.push({ name: current, sql, params }) } }) as unknown as Db;
  const userId = (email: string) => (raw.prepare("select id from users where email = ?").get(email) as { id: string }).id;
  partner = (await getMember(base, { userId: userId(BENCH_ADMIN_EMAIL), email: BENCH_ADMIN_EMAIL }, BENCH_PARTNER_ID))!;
  const gaEmail = "ga@customer0.example";
  customer = (await getMember(base, { userId: userId(gaEmail), email: gaEmail }, BENCH_CUSTOMER_ID))!;
  const now = new Date("2026-11-21T09:00:00Z");
  const run = async (name: string, fn: () => unknown) => {
    current = name;
    await fn();
  };
  captured = [];
  for (const sort of CUSTOMER_SORTS) {
    await run(`customers (${sort})`, async () => await listPartnerCustomers(db, partner, { page: 1, sort }));
    await run(`customers (${sort}, page 40)`, async () => await listPartnerCustomers(db, partner, { page: 40, sort }));
    await run(`customers search (${sort})`, async () => await listPartnerCustomers(db, partner, { page: 1, q: "Works", sort }));
  }
  await run("customer page", async () => await getPartnerCustomerOrThrow(db, partner, BENCH_CUSTOMER_ID));
  await run("customer page: admin relationships", async () => await listPartnerAdminRelationships(db, partner, BENCH_CUSTOMER_ID));
  await run("customer page: subscriptions", async () => await listSubscriptionsOf(db, BENCH_CUSTOMER_ID));
  await run("customer page: activity", async () => await listPartnerActivityForCustomer(db, BENCH_PARTNER_ID, BENCH_CUSTOMER_ID));
  await run("customer page: supported", async () => await listSupportedSubscriptions(db, BENCH_PARTNER_ID, BENCH_CUSTOMER_ID));
  await run("customer page: access", async () => await listAssignments(db, partner, ["gdap_L0000000", "gdap_L0000002"]));
  await run("customer page: groups", async () => await listGroups(db, partner));
  await run("invitations", async () => await listPartnerInvitations(db, partner, { page: 1, now }));
  await run("invitations (expired)", async () => await listPartnerInvitations(db, partner, { page: 1, status: "expired", now }));
  await run("subscriptions", async () => await listPartnerSubscriptions(db, partner, { page: 1 }));
  await run("subscriptions (suspended, page 3)", async () => await listPartnerSubscriptions(db, partner, { page: 3, state: "suspended" }));
  await run("subscriptions (a search)", async () => await listPartnerSubscriptions(db, partner, { page: 1, q: "Works" }));
  await run(
    "invitations (accepted, page 10)",
    async () => await listPartnerInvitations(db, partner, { page: 10, status: "accepted", now }),
  );
  for (const sort of INVITATION_SORTS) {
    await run(`invitations (${sort}, page 5)`, async () => await listPartnerInvitations(db, partner, { page: 5, now, sort }));
    await run(
      `invitations search (${sort})`,
      async () => await listPartnerInvitations(db, partner, { page: 1, now, sort, q: "customer1" }),
    );
    await run(
      `invitations search (${sort}, expired)`,
      async () => await listPartnerInvitations(db, partner, { page: 1, now, sort, q: "customer1", status: "expired" }),
    );
  }
  await run("expiring counts", async () => await expiryCounts(db, partner, now));
  for (const window of ["1", "7", "30", "expired"] as const) {
    await run(`expiring ${window}`, async () => await listExpiring(db, partner, window, { page: 1, now }));
    await run(`expiring ${window} search`, async () => await listExpiring(db, partner, window, { page: 1, now, q: "Works" }));
  }
  await run("activity", async () => await listActivity(db, partner, {}));
  await run("activity (action)", async () => await listActivity(db, partner, { action: "invitation.sent" }));
  await run("activity (customer)", async () => await listActivity(db, partner, { customer: BENCH_CUSTOMER_ID }));
  await run("activity (older page)", async () => await listActivity(db, partner, { before: 500_000 }));
  await run("activity customer filter", async () => await matchCustomers(db, partner, "Works"));
  await run("activity customer name", async () => await customerNameOf(db, partner, BENCH_CUSTOMER_ID));
  await run("resellers", async () => await listPartnerships(db, partner, "provider"));
  await run("reseller customers", async () => await listResellerCustomers(db, partner, 1));
  await run("invitations naming provider", async () => await listInvitationsNamingProvider(db, partner, 1));
  await run("team", async () => await listMembers(db, partner));
  await run("team invitations", async () => await listPendingMemberInvitations(db, partner, now));
  await run("groups", async () => await listGroupsWithMembers(db, partner));
  await run("customer dashboard: partners", async () => await listCustomerPartners(db, customer));
  await run("customer dashboard: admin relationships", async () => await listCustomerAdminRelationships(db, customer));
  await run("customer dashboard: activity", async () => await listCustomerActivity(db, BENCH_CUSTOMER_ID));
  await run("customer activity log", async () => await listActivity(db, customer, {}));
  // Not a dashboard, but it runs every minute inside the server process, across all partners:
  // its first run does the seed's pending work, the second is what every later minute costs.
  const job = async () =>
    await runAdminRelationshipJobs({ db, now: () => now, config: { invitationTtlDays: 14, publicBaseUrl: "http://localhost" } });
  await run("scheduled job (first run)", job);
  await run("scheduled job (a later run)", job);
  // One plan per statement: the first run repeats the same few statements for every row it moves.
  captured = captured.filter((c, i) => captured.findIndex((d) => d.name === c.name && d.sql === c.sql) === i);
}, 120_000);

function plan(c: Captured): string[] {
  return (raw.prepare(`EXPLAIN QUERY PLAN ${c.sql}`).all(...(c.params as never[])) as { detail: string }[]).map((r) => r.detail);
}

describe("dashboard query plans on the large seed's shape", () => {
  it("captured every dashboard query", () => {
    expect(new Set(captured.map((c) => c.name)).size).toBeGreaterThanOrEqual(42);
    // The later run reads only: nothing is left to move, and every notice is already claimed.
    expect(captured.filter((c) => c.name === "scheduled job (a later run)").every((c) => /^select/i.test(c.sql))).toBe(true);
  });

  it("no full scan and no temporary sort of a big table", () => {
    const problems: string[] = [];
    for (const c of captured) {
      for (const line of plan(c)) {
        const scanned = line.match(/^SCAN (\w+)/)?.[1];
        if (scanned && BIG_TABLES.includes(scanned)) problems.push(`${c.name}: ${line}`);
        if (/USE TEMP B-TREE/.test(line) && !BOUNDED.some((prefix) => c.name.startsWith(prefix))) problems.push(`${c.name}: ${line}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
