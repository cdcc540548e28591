import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { closeDatabase } from "@/db/connect";
import { requestAdminRelationshipSchema } from "@/lib/admin-relationships/schemas";
import { approveAdminRelationship, requestAdminRelationship } from "@/lib/admin-relationships/service";
import { addMember, addPartner, addUser, count, relatedPartnerAndCustomer } from "@/lib/testing/fixtures";
import { rawValue } from "@/lib/testing/raw";
import { sharedTestDatabase } from "@/lib/testing/test-database";
import { createInvitation } from "./service";
import { execute } from "@/lib/operations/execute";

/*
 * Races between processes, the way several server processes (or a double click and a
 * retry) meet on one database: 10 processes × 10 attempts at the same instant, on a SQLite
 * file or on PostgreSQL (where the losers' serialization failures are retried, then refused).
 */
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

async function freshDatabase() {
  const dir = mkdtempSync(path.join(tmpdir(), "prc-race-"));
  dirs.push(dir);
  const { target, db } = await sharedTestDatabase(dir);
  return { dir, target, db, ctx: { db, now: () => new Date(), config: { invitationTtlDays: 14, publicBaseUrl: "http://localhost:3000" } } };
}

/** Starts 10 worker processes, releases them together, and returns all 100 outcomes. */
async function race(dir: string, target: string, op: string, params: Record<string, unknown>): Promise<string[]> {
  const go = path.join(dir, "go");
  const workers = Array.from({ length: 10 }, (_, w) => {
    const child = spawn(
      process.execPath,
      [
        path.join("node_modules", "tsx", "dist", "cli.mjs"),
        "lib/testing/race-worker.ts",
        target,
        go,
        "10",
        String(w),
        op,
        JSON.stringify(params),
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    const ready = new Promise<void>((resolve) => child.stderr.once("data", () => resolve()));
    const done = new Promise<string[]>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (d) => (out += d));
      child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out) as string[]) : reject(new Error(`worker exited ${code}`))));
    });
    return { ready, done };
  });
  await Promise.all(workers.map((w) => w.ready));
  writeFileSync(go, "");
  return (await Promise.all(workers.map((w) => w.done))).flat();
}

// A count: node-postgres returns bigints as strings.
const countWhere = async (db: Db, sql: string) => Number(await rawValue(db, sql));

describe("racing on one object from 10 processes", () => {
  it("100 accepts of one invitation: exactly one wins, the 99 others are told it was already used and leave nothing", async () => {
    const { dir, target, db, ctx } = await freshDatabase();
    const partner = await addPartner(db, { name: "Northwind", domain: "northwind.example" });
    const sales = await addMember(db, partner, "sam@northwind.example", ["sales_agent"]);
    const customer = await addUser(db, "it@racer.example");
    const { token, invitation } = await execute(createInvitation, ctx, sales, {
      partnerId: partner,
      email: customer.email,
      message: null,
      locale: "en",
    });
    const before = { audit: await count(db, "audit_events"), outbox: await count(db, "email_outbox") };

    const results = await race(dir, target, "accept", { token, actor: customer });

    expect(results).toHaveLength(100);
    expect(results.filter((r) => r === "done")).toHaveLength(1);
    expect(results.filter((r) => r !== "done").every((r) => r === "INVITATION_USED")).toBe(true);
    expect(await count(db, "reseller_relationships")).toBe(1);
    expect(await count(db, "organizations")).toBe(2); // the partner and the one new customer: the losers' rolled back
    expect(await countWhere(db, `select count(*) as n from invitations where id = '${invitation.id}' and state = 'accepted'`)).toBe(1);
    expect(await countWhere(db, "select count(*) as n from audit_events where action = 'invitation.accepted'")).toBe(1);
    expect(await countWhere(db, "select count(*) as n from email_outbox where kind = 'invitation.accepted'")).toBe(1);
    // The winner wrote three activity rows (customer created, accepted, relationship) and one notice; nobody else wrote anything.
    expect((await count(db, "audit_events")) - before.audit).toBe(3);
    expect((await count(db, "email_outbox")) - before.outbox).toBe(1);
    await closeDatabase(db);
  }, 120_000);

  it("100 approvals and rejections of one request: one decision, one activity row, one set of emails", async () => {
    const { dir, target, db, ctx } = await freshDatabase();
    const w = await relatedPartnerAndCustomer(ctx);
    const { id } = await execute(
      requestAdminRelationship,
      ctx,
      w.agent,
      requestAdminRelationshipSchema.parse({
        partnerId: w.partner,
        customerId: w.customer,
        name: "Contended",
        durationDays: "90",
        roles: ["global_reader"],
      }),
    );

    const results = await race(dir, target, "decide", { relationshipId: id, customerId: w.customer, customerActor: w.ga });

    expect(results.filter((r) => r === "done")).toHaveLength(1);
    expect(results.filter((r) => r !== "done").every((r) => r === "INVALID_TRANSITION")).toBe(true);
    expect(
      await countWhere(
        db,
        "select count(*) as n from audit_events where action in ('admin_relationship.approved', 'admin_relationship.rejected')",
      ),
    ).toBe(1);
    expect(
      await countWhere(
        db,
        "select count(*) as n from email_outbox where kind in ('admin_relationship.approved', 'admin_relationship.rejected')",
      ),
    ).toBeGreaterThan(0);
    expect(
      await countWhere(
        db,
        "select count(distinct kind) as n from email_outbox where kind in ('admin_relationship.approved', 'admin_relationship.rejected')",
      ),
    ).toBe(1);
    await closeDatabase(db);
  }, 120_000);

  it("100 terminations of one active relationship from both sides: terminated once", async () => {
    const { dir, target, db, ctx } = await freshDatabase();
    const w = await relatedPartnerAndCustomer(ctx);
    const { id } = await execute(
      requestAdminRelationship,
      ctx,
      w.agent,
      requestAdminRelationshipSchema.parse({
        partnerId: w.partner,
        customerId: w.customer,
        name: "Ending",
        durationDays: "90",
        roles: ["global_reader"],
      }),
    );
    await execute(approveAdminRelationship, ctx, w.ga, { organizationId: w.customer, relationshipId: id });
    const noticesBefore = await countWhere(db, "select count(*) as n from email_outbox where kind = 'admin_relationship.terminated'");

    const results = await race(dir, target, "terminate", {
      relationshipId: id,
      customerId: w.customer,
      partnerId: w.partner,
      customerActor: w.ga,
      partnerActor: w.agent,
    });

    expect(results.filter((r) => r === "done")).toHaveLength(1);
    expect(results.filter((r) => r !== "done").every((r) => r === "INVALID_TRANSITION")).toBe(true);
    expect(await countWhere(db, "select count(*) as n from audit_events where action = 'admin_relationship.terminated'")).toBe(1);
    expect(
      (await countWhere(db, "select count(*) as n from email_outbox where kind = 'admin_relationship.terminated'")) - noticesBefore,
    ).toBe(2); // both sides told, once
    await closeDatabase(db);
  }, 120_000);
});
