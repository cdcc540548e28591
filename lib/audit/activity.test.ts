import { rawRun, rawValue } from "@/lib/testing/raw";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { getMember } from "@/lib/auth/membership";
import { addCustomer, addMember, addPartner, DAY, testContext } from "@/lib/testing/fixtures";
import { iterateActivity, listActivity } from "./activity";
import type { AuditAction } from "@/db/values/audit";
import { parseActivityFilters } from "./filters";
import { recordAudit } from "./record";
import { transaction } from "@/db/transaction";

let db: Db;
let northwind: string;
let fabrikam: string;
let adventure: string;
let fourth: string;

async function event(organizationId: string, customerId: string | null, action: AuditAction, email: string, at: Date) {
  await transaction(
    db,
    async (tx) =>
      await recordAudit(tx, {
        organizationId,
        customerId,
        actor: { userId: "u", email },
        action,
        targetType: "x",
        targetId: "y",
        details: { email },
        at,
      }),
  );
}

beforeEach(async () => {
  db = (await testContext()).ctx.db;
  northwind = await addPartner(db, { name: "Northwind", domain: "northwind.example" });
  fabrikam = await addPartner(db, { name: "Fabrikam", domain: "fabrikam.example" });
  adventure = await addCustomer(db, { name: "Adventure Works", domain: "adventure.example" });
  fourth = await addCustomer(db, { name: "Fourth Coffee", domain: "fourth.example" });
  const day0 = new Date("2026-03-01T12:00:00Z");
  for (let i = 0; i < 120; i++)
    await event(
      northwind,
      i % 2 ? adventure : fourth,
      i % 3 ? "invitation.sent" : "invitation.revoked",
      i % 4 ? "alice@northwind.example" : "sam@northwind.example",
      new Date(day0.getTime() + i * DAY),
    );
  await event(fabrikam, adventure, "invitation.accepted", "olivia@adventure.example", day0);
  await event(fabrikam, null, "invitation.sent", "maria@fabrikam.example", day0);
});

const member = async (org: string, email: string, roles: Parameters<typeof addMember>[3]) =>
  (await getMember(db, await addMember(db, org, email, roles), org))!;

describe("activity log", () => {
  it("a partner sees its own events; a customer sees every event touching it, from any partner; nobody else's", async () => {
    const nw = await member(northwind, "alice@northwind.example", ["account_admin"]);
    const fab = await member(fabrikam, "maria@fabrikam.example", ["account_admin"]);
    const aw = await member(adventure, "olivia@adventure.example", ["global_admin"]);
    expect(await Array.fromAsync(iterateActivity(db, nw, {}))).toHaveLength(120);
    expect((await Array.fromAsync(iterateActivity(db, fab, {}))).map((e) => e.organizationId)).toEqual([fabrikam, fabrikam]);
    const seen = await Array.fromAsync(iterateActivity(db, aw, {}));
    expect(seen).toHaveLength(61);
    expect(new Set(seen.map((e) => e.organizationId))).toEqual(new Set([northwind, fabrikam]));
    expect(seen.every((e) => e.customerId === adventure)).toBe(true);
  });

  it("pages by keyset, newest first, without gaps or repeats", async () => {
    const nw = await member(northwind, "alice@northwind.example", ["account_admin"]);
    const first = await listActivity(db, nw, {});
    const second = await listActivity(db, nw, { before: first.nextBefore! });
    const third = await listActivity(db, nw, { before: second.nextBefore! });
    expect([first.rows.length, second.rows.length, third.rows.length, third.nextBefore]).toEqual([50, 50, 20, null]);
    const ids = [...first.rows, ...second.rows, ...third.rows].map((r) => r.id);
    expect(new Set(ids).size).toBe(120);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it("filters by action, actor, date range and customer, together", async () => {
    const nw = await member(northwind, "alice@northwind.example", ["account_admin"]);
    const f = parseActivityFilters({
      action: "invitation.revoked",
      actor: " SAM@northwind.example ",
      from: "2026-03-01",
      to: "2026-04-09",
      customer: fourth,
    });
    const rows = await Array.fromAsync(iterateActivity(db, nw, f));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.action).toBe("invitation.revoked");
      expect(r.actorEmail).toBe("sam@northwind.example");
      expect(r.customerId).toBe(fourth);
      expect(r.createdAt.getTime()).toBeLessThan(Date.parse("2026-04-10T00:00:00Z"));
    }
    // Brute force over everything, to prove the filter lost nothing.
    const all = (await Array.fromAsync(iterateActivity(db, nw, {}))).filter(
      (r) =>
        r.action === "invitation.revoked" &&
        r.actorEmail === "sam@northwind.example" &&
        r.customerId === fourth &&
        r.createdAt < new Date("2026-04-10T00:00:00Z"),
    );
    expect(rows.map((r) => r.id)).toEqual(all.map((r) => r.id));
  });

  it("drops malformed filters instead of failing", () => {
    expect(parseActivityFilters({ action: "drop table", from: "yesterday", before: "-3", actor: "x".repeat(300) })).toEqual({});
  });

  it("cannot be changed or deleted, even by a stray statement", async () => {
    await expect(rawRun(db, "update audit_events set action = 'x'")).rejects.toThrow(/append-only/);
    await expect(rawRun(db, "delete from audit_events")).rejects.toThrow(/append-only/);
    expect(await rawValue(db, "select cast(count(*) as integer) from audit_events")).toBe(122);
  });
});
