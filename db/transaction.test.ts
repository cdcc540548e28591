import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, openServerDatabase, migrateDatabase, openTestDatabase, writerOf, type Db } from "./client";
import { afterCommit, transaction } from "./transaction";

const dir = mkdtempSync(path.join(tmpdir(), "prc-tx-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tick = () => new Promise((r) => setTimeout(r, 5));
const addUser = (db: Db, email: string) =>
  db.$client.prepare("insert into users (id, email, created_at) values (?, ?, 0)").run(`usr_${email}`, email);
const emails = (db: Db) => (db.$client.prepare("select email from users order by email").all() as { email: string }[]).map((r) => r.email);

describe("transaction()", () => {
  it("commits what its work wrote, resolves with the work's result, then runs the after-commit work", async () => {
    const db = openTestDatabase();
    const seen: string[] = [];
    const result = await transaction(db, (tx) => {
      addUser(tx, "a@example.com");
      afterCommit(tx, () => seen.push(`after commit: ${emails(db).join(",")}`));
      return 42;
    });
    expect(result).toBe(42);
    expect(seen).toEqual(["after commit: a@example.com"]);
    expect(db.$client.inTransaction).toBe(false);
  });

  it("rolls back everything when the work throws, rejects with its error, and runs no after-commit work", async () => {
    const db = openTestDatabase();
    let ran = false;
    await expect(
      transaction(db, (tx) => {
        addUser(tx, "a@example.com");
        afterCommit(tx, () => (ran = true));
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    await expect(
      transaction(db, async (tx) => {
        addUser(tx, "b@example.com");
        await tick();
        throw new Error("refused later");
      }),
    ).rejects.toThrow("refused later");
    expect(emails(db)).toEqual([]);
    expect(ran).toBe(false);
    expect(db.$client.inTransaction).toBe(false);
  });

  it("with none ahead and synchronous work, commits in the caller's own tick (nothing runs between a check and its write)", async () => {
    const db = openTestDatabase();
    const done = transaction(db, (tx) => addUser(tx, "a@example.com"));
    expect(emails(db)).toEqual(["a@example.com"]);
    expect(db.$client.inTransaction).toBe(false);
    await done;
  });

  it("runs the transactions of one process one after the other, even when their work awaits", async () => {
    const db = openTestDatabase();
    const events: string[] = [];
    const first = transaction(db, async (tx) => {
      events.push("first begins");
      addUser(tx, "a@example.com");
      await tick();
      addUser(tx, "b@example.com");
      events.push("first ends");
    });
    const second = transaction(db, (tx) => {
      events.push(`second begins, sees ${emails(tx).join(",")}`);
      addUser(tx, "c@example.com");
    });
    await Promise.all([first, second]);
    expect(events).toEqual(["first begins", "first ends", "second begins, sees a@example.com,b@example.com"]);
    expect(emails(db)).toEqual(["a@example.com", "b@example.com", "c@example.com"]);
  });

  it("goes on after a failed transaction: the next one in line still runs", async () => {
    const db = openTestDatabase();
    const failed = transaction(db, async () => {
      await tick();
      throw new Error("refused");
    });
    const next = transaction(db, (tx) => addUser(tx, "a@example.com"));
    await expect(failed).rejects.toThrow("refused");
    await next;
    expect(emails(db)).toEqual(["a@example.com"]);
  });

  it("refuses a transaction started from inside another one's work on the same database", async () => {
    const db = openTestDatabase();
    await expect(transaction(db, () => transaction(db, () => 1))).rejects.toThrow(/inside a transaction/);
    expect(db.$client.inTransaction).toBe(false);
  });

  it("takes SQLite's write lock when it begins: another process cannot write until it ends", async () => {
    const file = path.join(dir, "lock.db");
    const db = openDatabase(file);
    migrateDatabase(db);
    const other = new Database(file, { timeout: 0 });
    let refused = "";
    await transaction(db, async () => {
      try {
        other.prepare("insert into users (id, email, created_at) values ('usr_x', 'x@example.com', 0)").run();
      } catch (error) {
        refused = (error as { code?: string }).code ?? String(error);
      }
      await tick();
    });
    expect(refused).toBe("SQLITE_BUSY");
    other.prepare("insert into users (id, email, created_at) values ('usr_x', 'x@example.com', 0)").run();
    other.close();
    expect(emails(db)).toEqual(["x@example.com"]);
    db.$client.close();
  });

  it("refuses after-commit work outside a transaction", () => {
    const db = openTestDatabase();
    expect(() => afterCommit(db as never, () => undefined)).toThrow(/outside its transaction/);
  });
});

describe("a server's database (a read connection with its writer beside it)", () => {
  const open = (name: string) => {
    const db = openServerDatabase(path.join(dir, name));
    migrateDatabase(db);
    return db;
  };
  const close = (db: Db) => {
    db.$client.close();
    writerOf(db).$client.close();
  };

  it("cannot write outside a transaction: the read connection is read-only", () => {
    const db = open("reader-only.db");
    expect(() => addUser(db, "a@example.com")).toThrow(/readonly/);
    expect(emails(db)).toEqual([]);
    close(db);
  });

  it("writes through the writer in transaction(), and reads what has committed", async () => {
    const db = open("reader-commits.db");
    expect(writerOf(db)).not.toBe(db);
    await transaction(db, (tx) => {
      expect(tx).toBe(writerOf(db));
      addUser(tx, "a@example.com");
    });
    expect(emails(db)).toEqual(["a@example.com"]);
    close(db);
  });

  it("while a transaction's work awaits, reads see the last commit, not its half-done writes", async () => {
    const db = open("reader-snapshot.db");
    const seen: string[][] = [];
    await transaction(db, async (tx) => {
      addUser(tx, "a@example.com");
      await tick();
      seen.push(emails(db)); // another request reading meanwhile
      seen.push(emails(tx)); // the transaction itself
    });
    seen.push(emails(db));
    expect(seen).toEqual([[], ["a@example.com"], ["a@example.com"]]);
    close(db);
  });
});
