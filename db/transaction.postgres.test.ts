import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "./client";
import { migratePostgres, openPostgres, type PostgresDb } from "./postgres";
import { startCluster, type Cluster } from "./testing/postgres-cluster";
import { afterCommit, transaction, type Tx } from "./transaction";

let cluster: Cluster;
let pg: PostgresDb;
let db: Db; // what services hold: the shared type, PostgreSQL behind it
beforeAll(async () => {
  cluster = await startCluster();
  pg = openPostgres(cluster.url, 4);
  await migratePostgres(pg);
  db = pg as unknown as Db;
}, 60_000);
afterAll(async () => {
  await pg?.$client.end();
  cluster?.stop();
});

const on = (tx: Tx) => tx as unknown as PostgresDb;
const count = async (key: string) =>
  Number((await pg.$client.query("select count from rate_limits where key = $1", [key])).rows[0]?.count ?? 0);
const bump = (tx: Tx, key: string) =>
  on(tx).execute(sql`insert into rate_limits (key, window_start, count) values (${key}, 0, 1)
    on conflict (key, window_start) do update set count = rate_limits.count + 1`);

describe("transaction() on PostgreSQL", () => {
  it("commits what its work wrote, resolves with its result, then runs the after-commit work", async () => {
    let seen: Promise<number> | undefined;
    const result = await transaction(db, async (tx) => {
      await bump(tx, "commit");
      afterCommit(tx, () => {
        seen = count("commit");
      });
      expect(seen).toBeUndefined(); // not before the commit
      return 42;
    });
    expect(result).toBe(42);
    expect(await seen).toBe(1); // read on another connection: committed
  });

  it("rolls back everything when the work throws, and runs no after-commit work", async () => {
    let ran = false;
    await expect(
      transaction(db, async (tx) => {
        await bump(tx, "rollback");
        afterCommit(tx, () => (ran = true));
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(await count("rollback")).toBe(0);
    expect(ran).toBe(false);
  });

  it("runs the work again after a serialization failure; only the attempt that commits runs its after-commit work", async () => {
    await bump(db as unknown as Tx, "race"); // outside a transaction: the row both read
    let attempts = 0;
    const committed: string[] = [];
    let bothRead!: () => void;
    const read = new Promise<void>((r) => (bothRead = r));
    let readers = 0;
    const increment = (name: string) =>
      transaction(db, async (tx) => {
        attempts++;
        const before = Number((await on(tx).execute(sql`select count from rate_limits where key = 'race'`)).rows[0]!.count);
        if (++readers === 2) bothRead();
        await read; // both have read the same value before either writes
        await on(tx).execute(sql`update rate_limits set count = ${before + 1} where key = 'race'`);
        afterCommit(tx, () => committed.push(name));
      });
    await Promise.all([increment("a"), increment("b")]);
    expect(await count("race")).toBe(3); // 1, then each increment once: no lost update
    expect(attempts).toBe(3);
    expect(committed.sort()).toEqual(["a", "b"]);
  });

  it("gives up on an error that is not a conflict at once", async () => {
    let attempts = 0;
    await expect(
      transaction(db, async (tx) => {
        attempts++;
        await on(tx).execute(sql`select 1 / 0`);
      }),
    ).rejects.toThrow();
    expect(attempts).toBe(1);
  });

  it("refuses a transaction started from inside another one's work", async () => {
    await expect(transaction(db, () => transaction(db, () => 1))).rejects.toThrow(/inside a transaction/);
  });
});
