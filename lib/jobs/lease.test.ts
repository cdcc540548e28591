import { describe, expect, it } from "vitest";
import { testContext } from "@/lib/testing/fixtures";
import { claimTick } from "./lease";

const MINUTE = 60_000;

describe("a scheduled job's lease", () => {
  it("lets one server run each tick: the others skip until the claim runs out", async () => {
    const { ctx } = await testContext();
    const t0 = new Date("2026-12-02T10:00:00Z");
    const at = (ms: number) => new Date(t0.getTime() + ms);
    // Two servers ticking at once: exactly one runs it.
    const both = await Promise.all([
      claimTick(ctx.db, "jobs", "server-a", t0, 0.9 * MINUTE),
      claimTick(ctx.db, "jobs", "server-b", t0, 0.9 * MINUTE),
    ]);
    expect(both.filter(Boolean)).toHaveLength(1);
    const winner = both[0] ? "server-a" : "server-b";
    const other = winner === "server-a" ? "server-b" : "server-a";
    // Within the claim, nobody else (nor the winner again) runs it.
    expect(await claimTick(ctx.db, "jobs", other, at(0.3 * MINUTE), 0.9 * MINUTE)).toBe(false);
    expect(await claimTick(ctx.db, "jobs", winner, at(0.5 * MINUTE), 0.9 * MINUTE)).toBe(false);
    // Once it has run out, the next tick goes to whoever comes first.
    expect(await claimTick(ctx.db, "jobs", other, at(MINUTE), 0.9 * MINUTE)).toBe(true);
    expect(await claimTick(ctx.db, "jobs", winner, at(1.2 * MINUTE), 0.9 * MINUTE)).toBe(false);
    // Another job has a lease of its own.
    expect(await claimTick(ctx.db, "other job", winner, at(1.2 * MINUTE), 0.9 * MINUTE)).toBe(true);
  });
});
