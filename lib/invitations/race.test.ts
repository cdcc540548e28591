import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase } from "@/db/client";
import { addMember, addPartner, addUser, count } from "@/lib/testing/fixtures";
import { createInvitation } from "./service";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A worker process; `ready` resolves once it is loaded and spinning, `done` with its outcomes. */
function startWorker(args: string[]) {
  const child = spawn(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "lib/testing/race-worker.ts", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  const ready = new Promise<void>((resolve) => child.stderr.once("data", () => resolve()));
  const done = new Promise<string[]>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out) as string[]) : reject(new Error(`worker exited ${code}`))));
  });
  return { ready, done };
}

describe("racing answers to one invitation", () => {
  it("100 accepts from 10 processes at once: exactly one wins, the 99 others are told it was already used", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "prc-race-"));
    dirs.push(dir);
    const file = path.join(dir, "race.db");
    const db = openDatabase(file);
    migrateDatabase(db);
    const ctx = { db, now: () => new Date(), config: { invitationTtlDays: 14, publicBaseUrl: "http://localhost:3000" } };
    const partner = addPartner(db, { name: "Northwind", domain: "northwind.example" });
    const sales = addMember(db, partner, "sam@northwind.example", ["sales_agent"]);
    const customer = addUser(db, "it@racer.example");
    const { token, invitation } = createInvitation(ctx, sales, { partnerId: partner, email: customer.email, message: null, locale: "en" });
    const before = { audit: count(db, "audit_events"), outbox: count(db, "email_outbox") };

    const go = path.join(dir, "go");
    const workers = Array.from({ length: 10 }, (_, w) => startWorker([file, token, customer.email, customer.userId, go, "10", String(w)]));
    await Promise.all(workers.map((w) => w.ready));
    writeFileSync(go, "");
    const results = (await Promise.all(workers.map((w) => w.done))).flat();

    expect(results).toHaveLength(100);
    expect(results.filter((r) => r === "accepted")).toHaveLength(1);
    expect(results.filter((r) => r !== "accepted").every((r) => r === "INVITATION_USED")).toBe(true);
    expect(count(db, "reseller_relationships")).toBe(1);
    expect(count(db, "organizations")).toBe(2); // the partner and the one new customer: losers' organizations rolled back
    const accepted = db.$client.prepare("select state from invitations where id = ?").get(invitation.id) as { state: string };
    expect(accepted.state).toBe("accepted");
    const audit = db.$client.prepare("select count(*) as n from audit_events where action = 'invitation.accepted'").get() as { n: number };
    expect(audit.n).toBe(1);
    const notices = db.$client.prepare("select count(*) as n from email_outbox where kind = 'invitation.accepted'").get() as { n: number };
    expect(notices.n).toBe(1);
    // Winner: accepted, relationship created, customer created; nothing else was written.
    expect(count(db, "audit_events") - before.audit).toBe(3);
    expect(count(db, "email_outbox") - before.outbox).toBe(1);
    db.$client.close();
  }, 120_000);
});
