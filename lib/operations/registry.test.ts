import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { AnyOperation } from "./define";
import { OPERATIONS } from "./registry";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [full] : [];
  });
}

const isOperation = (v: unknown): v is AnyOperation =>
  !!v && typeof v === "object" && "name" in v && "input" in v && "authorize" in v && typeof (v as { run?: unknown }).run === "function";

describe("the operation registry", () => {
  it("lists every operation defined anywhere in lib/, once", async () => {
    const files = sourceFiles("lib").filter(
      (f) => f !== path.join("lib", "operations", "define.ts") && /defineOperation\(/.test(readFileSync(f, "utf8")),
    );
    const defined = new Map<AnyOperation, string>();
    for (const file of files) {
      const exports = (await import(path.resolve(file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(exports)) if (isOperation(value)) defined.set(value, `${file}: ${name}`);
    }
    const missing = [...defined].filter(([op]) => !OPERATIONS.includes(op)).map(([, where]) => where);
    expect(missing).toEqual([]);
    expect(new Set(OPERATIONS).size).toBe(OPERATIONS.length);
  });

  it("names each operation uniquely, dotted like the activity log's actions", () => {
    const names = OPERATIONS.map((o) => o.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
  });

  it("reaches every operation a person or a key runs through a server action (the matrix and the fuzz test then need its row)", async () => {
    const actionFiles = sourceFiles("lib").filter((f) => /actionFor\(/.test(readFileSync(f, "utf8")) && !f.endsWith("action-for.ts"));
    for (const file of actionFiles) await import(path.resolve(file));
    const { operationsWithActions } = await import("@/lib/actions/action-for");
    const reached = operationsWithActions();
    // Reached otherwise, on purpose: a row of an import only inside the import (as its single
    // sale), and the language by setLocaleAction, which sets the cookie for visitors too.
    const otherwise = new Set(["subscription.import_row", "preference.locale.set"]);
    const unreached = OPERATIONS.filter((op) => !("system" in op.authorize) && !otherwise.has(op.name) && !reached.has(op)).map(
      (op) => op.name,
    );
    expect(unreached).toEqual([]);
  });

  it("says who may run each operation", () => {
    for (const op of OPERATIONS) {
      const rule = op.authorize as Record<string, unknown>;
      const kinds = ["organization", "operator", "person", "system"].filter((k) => k in rule);
      expect(kinds, op.name).toHaveLength(1);
    }
  });
});
