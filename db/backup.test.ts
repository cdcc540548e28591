import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { backupDatabase, restoreDatabase } from "./backup";
import { migrateDatabase, openDatabase } from "./client";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Another process appending activity rows as fast as it can, each in its own transaction, until killed. */
function startWriter(file: string) {
  const script = `
    const Database = require("better-sqlite3");
    const db = new Database(${JSON.stringify(file)});
    db.pragma("journal_mode = WAL"); db.pragma("busy_timeout = 5000");
    const insert = db.prepare("insert into audit_events (organization_id, action, target_type, target_id, created_at) values ('org_backup', 'invitation.sent', 'invitation', ?, ?)");
    let n = 0;
    require("fs").writeSync(1, "ready\\n");
    for (;;) { n++; insert.run("inv_" + n, Date.now()); }
  `;
  const child = spawn(process.execPath, ["-e", script], { cwd: process.cwd(), stdio: ["ignore", "pipe", "inherit"] });
  const ready = new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
  return { child, ready };
}

const rows = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare("select id, target_id from audit_events where organization_id = 'org_backup' order by id").all() as {
      id: number;
      target_id: string;
    }[];
  } finally {
    db.close();
  }
};

describe("backups", () => {
  it("copy a database while another process writes to it; the restored copy is sound and holds a consistent prefix of the writes", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "prc-backup-"));
    dirs.push(dir);
    const live = path.join(dir, "live.db");
    const db = openDatabase(live);
    migrateDatabase(db);
    db.$client.close();

    const writer = startWriter(live);
    await writer.ready;
    await new Promise((r) => setTimeout(r, 300));
    const backup = path.join(dir, "backup.db");
    await backupDatabase(live, backup);
    await new Promise((r) => setTimeout(r, 200));
    writer.child.kill("SIGKILL");
    await new Promise((r) => writer.child.once("exit", r));

    const restored = path.join(dir, "restored.db");
    const target = openDatabase(restored);
    migrateDatabase(target);
    target.$client.close();
    await restoreDatabase(backup, restored);

    const copied = rows(restored);
    const after = rows(live);
    // Writes went on during the backup: the live database has more than the snapshot.
    expect(copied.length).toBeGreaterThan(0);
    expect(after.length).toBeGreaterThan(copied.length);
    // The snapshot is exactly the first N writes, in order, with no gap and nothing torn.
    expect(copied).toEqual(after.slice(0, copied.length));
    expect(copied.map((r) => r.target_id)).toEqual(copied.map((_, i) => `inv_${i + 1}`));
    // And the schema came along: the restored copy is a working database.
    const check = new Database(restored, { readonly: true });
    expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
    expect((check.prepare("select count(*) as n from __drizzle_migrations").get() as { n: number }).n).toBeGreaterThan(5);
    check.close();
  }, 30_000);

  it("refuse to restore from a file that is not a sound database", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "prc-backup-"));
    dirs.push(dir);
    const bogus = path.join(dir, "bogus.db");
    writeFileSync(bogus, "not a database at all, just some text".repeat(200));
    await expect(restoreDatabase(bogus, path.join(dir, "target.db"))).rejects.toThrow();
  });
});
