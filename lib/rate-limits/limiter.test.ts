import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase } from "@/db/client";
import { isDomainError } from "@/lib/errors";
import { createInvitation, resendInvitation } from "@/lib/invitations/service";
import { addMember, addPartner, codeOf, count, DAY, testContext } from "@/lib/testing/fixtures";
import { blockedUntil, consumeAlone, MINUTE, purgeOldRateLimits } from "./limiter";
import { execute } from "@/lib/operations/execute";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("rate limits", () => {
  it("count within a fixed window, refuse past the limit with the time the window ends, and start again after it", async () => {
    const { ctx } = await testContext();
    const now = new Date("2026-11-21T10:15:30Z");
    const hit = (at = now) => consumeAlone(ctx.db, { key: "sign-in:10.0.0.1", limit: 3, windowMs: MINUTE, now: at });
    await hit();
    await hit();
    await hit();
    let refused: unknown;
    try {
      await hit();
    } catch (error) {
      refused = error;
    }
    expect(isDomainError(refused, "RATE_LIMITED") && refused.params.at).toBe("2026-11-21T10:16:00.000Z");
    expect(await blockedUntil(ctx.db, { key: "sign-in:10.0.0.1", limit: 3, windowMs: MINUTE, now })).toEqual(
      new Date("2026-11-21T10:16:00Z"),
    );
    // Another address has its own count; the next minute starts afresh.
    expect(await codeOf(() => consumeAlone(ctx.db, { key: "sign-in:10.0.0.2", limit: 3, windowMs: MINUTE, now }))).toBe("no error");
    expect(await codeOf(() => hit(new Date("2026-11-21T10:16:00Z")))).toBe("no error");
    expect(await purgeOldRateLimits(ctx.db, new Date(now.getTime() + 3 * DAY))).toBe(3);
  });

  it("survive a restart: the counts live in the database file", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "prc-limits-"));
    dirs.push(dir);
    const file = path.join(dir, "limits.db");
    const now = new Date("2026-11-21T10:15:30Z");
    const first = openDatabase(file);
    migrateDatabase(first);
    await consumeAlone(first, { key: "sign-in:10.0.0.1", limit: 1, windowMs: MINUTE, now });
    first.$client.close();
    const second = openDatabase(file);
    expect(await codeOf(() => consumeAlone(second, { key: "sign-in:10.0.0.1", limit: 1, windowMs: MINUTE, now }))).toBe("RATE_LIMITED");
    second.$client.close();
  });

  it("cap a partner's invitation emails per day (new and resent); a refused invitation changes nothing and takes no count", async () => {
    const t = await testContext(new Date("2026-11-21T10:00:00Z"));
    t.ctx.config.invitationsPerPartnerPerDay = 3;
    const partner = await addPartner(t.ctx.db, { name: "Northwind", domain: "northwind.example" });
    const sales = await addMember(t.ctx.db, partner, "sam@northwind.example", ["sales_agent"]);
    const invite = async (n: number) =>
      await execute(createInvitation, t.ctx, sales, { partnerId: partner, email: `it${n}@customer.example`, message: null, locale: "en" });
    // A refused invitation (own address) does not use up the allowance.
    expect(
      await codeOf(
        async () => await execute(createInvitation, t.ctx, sales, { partnerId: partner, email: sales.email, message: null, locale: "en" }),
      ),
    ).toBe("SELF_INVITE");
    const { invitation } = await invite(1);
    await invite(2);
    await execute(resendInvitation, t.ctx, sales, { partnerId: partner, invitationId: invitation.id });
    const before = await count(t.ctx.db, "invitations");
    expect(await codeOf(async () => await invite(3))).toBe("RATE_LIMITED");
    expect(await count(t.ctx.db, "invitations")).toBe(before);
    expect(await count(t.ctx.db, "email_outbox")).toBe(3);
    // Another partner is not affected; tomorrow the allowance is back.
    const other = await addPartner(t.ctx.db, { name: "Fabrikam", domain: "fabrikam.example" });
    const otherSales = await addMember(t.ctx.db, other, "sam@fabrikam.example", ["sales_agent"]);
    expect(
      await codeOf(
        async () =>
          await execute(createInvitation, t.ctx, otherSales, { partnerId: other, email: "it@other.example", message: null, locale: "en" }),
      ),
    ).toBe("no error");
    t.advance(DAY);
    expect(await codeOf(async () => await invite(4))).toBe("no error");
  });
});
