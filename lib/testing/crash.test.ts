import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ENGINE } from "@/db/engine";
import { crashViolations, runCrashCycles } from "@/lib/testing/crash-harness";

/*
 * The short crash test: the same harness as `npm run test:crash` (100 kills), with few
 * enough kills to fit in `npm test`. On the PostgreSQL project the harness starts a cluster
 * of its own with durable commits, and half the kills take the database server down too.
 */
const dir = mkdtempSync(path.join(tmpdir(), "prc-crash-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a writer killed with SIGKILL at random moments", () => {
  it("keeps every acknowledged write, stays intact, and every outbox email arrives after the restart", async () => {
    const report = await runCrashCycles({ dir, cycles: 8 });

    expect(crashViolations(report)).toEqual([]);
    expect(report.cycles).toBe(8);
    expect(report.acknowledged).toBeGreaterThan(0);
    expect(report.outbox.rows).toBeGreaterThan(0);
    expect(report.outbox.delivered).toBe(report.outbox.rows);
    expect(report.databaseCrashes).toBe(ENGINE === "postgres" ? 4 : 0);
  }, 180_000);
});
