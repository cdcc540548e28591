import { is } from "drizzle-orm";
import { PgDatabase } from "drizzle-orm/pg-core";
import { AsyncLocalStorage } from "node:async_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { writerOf, type Db } from "./client";
import type { PostgresDb } from "./postgres";

/**
 * The handle of an open write transaction: what services write through, and what audit rows
 * and outbox emails require (so they cannot be written outside one). On SQLite it is the
 * connection itself, held by this transaction alone until it ends.
 */
export type Tx = Db & { readonly [inTransaction]: true };
declare const inTransaction: unique symbol;

export type TransactionOptions = {
  /**
   * PostgreSQL's isolation level (SERIALIZABLE by default: every service reads, checks and
   * writes in one transaction, and a conflict is retried rather than decided by timing).
   * SQLite's write transactions are serializable whatever is asked: one writer at a time.
   */
  isolation?: "serializable" | "repeatable read" | "read committed";
};

type State = {
  /** Per connection: the end of the last transaction queued on it. */
  queues: WeakMap<Db, Promise<void>>;
  /** The transaction the running code is inside, if any: its database, its handle and its after-commit work. */
  current: AsyncLocalStorage<{ db: object; tx: object; afterCommit: (() => void)[] }>;
};
// On globalThis: Next bundles this module once per entry (instrumentation, route handlers,
// actions), and the outbox worker's transactions must queue behind the actions' on the one connection.
const shared = globalThis as { __prcTransactions?: State };
const { queues, current } = (shared.__prcTransactions ??= { queues: new WeakMap(), current: new AsyncLocalStorage() });

/**
 * The one way to write. Runs `work` in a write transaction and resolves with its result
 * once committed; if `work` throws or rejects, everything it wrote is rolled back and the
 * error comes back. Work registered with `afterCommit` (waking the outbox) runs only after
 * a commit, never after a rollback.
 *
 * On SQLite: BEGIN IMMEDIATE, so the write lock is taken before the first read (no upgrade
 * that could fail half-way), and transactions of this process run one after the other: the
 * next waits on a queue until this one ends, so two never interleave on the one connection
 * and nothing written by another transaction lands inside this one. `work` may be async;
 * while it awaits, the connection stays this transaction's.
 *
 * With no transaction ahead and synchronous work (every service today), BEGIN to COMMIT
 * runs in the caller's tick, so what a service checked just before calling still holds.
 * Work that awaits must read what it decides on inside the transaction, and be safe to
 * run again: PostgreSQL retries it on a serialization failure or a deadlock.
 */
export async function transaction<T>(database: Db, work: (tx: Tx) => T | Promise<T>, options: TransactionOptions = {}): Promise<T> {
  if (is(database, PgDatabase)) return postgresTransaction(database as unknown as PostgresDb, work, options);
  const db = writerOf(database);
  // Called from a transaction's own work, it would wait for itself forever: pass the tx down.
  if (current.getStore()?.db === db) throw new Error("transaction() inside a transaction on the same database: pass its tx down");
  const previous = queues.get(db);
  let release!: () => void;
  const turn = new Promise<void>((resolve) => (release = resolve));
  queues.set(db, turn);
  // Wait only behind another transaction. With none ahead and synchronous work, BEGIN to
  // COMMIT runs in the caller's own tick, as Drizzle's synchronous transactions did: what
  // the caller checked just before still holds when the write commits.
  if (previous) await previous;
  const after: (() => void)[] = [];
  try {
    db.$client.exec("BEGIN IMMEDIATE");
    let result: T;
    try {
      const outcome = current.run({ db, tx: db, afterCommit: after }, () => work(db as Tx));
      result = isPromise(outcome) ? await outcome : outcome;
      db.$client.exec("COMMIT");
    } catch (error) {
      if (db.$client.inTransaction) db.$client.exec("ROLLBACK");
      throw error;
    }
    for (const run of after) runSafely(run);
    return result;
  } finally {
    if (queues.get(db) === turn) queues.delete(db);
    release();
  }
}

/**
 * Runs `run` once the transaction `tx` belongs to has committed (never if it rolls back):
 * side effects that must not leave for a write that did not happen.
 */
export function afterCommit(tx: Tx, run: () => void): void {
  const store = current.getStore();
  if (store?.tx !== tx) throw new Error("afterCommit() outside its transaction");
  store.afterCommit.push(run);
}

/**
 * How often a transaction that lost a serialization conflict or a deadlock is run again.
 * Eight partners accepting invitations at once on a fresh database (the benchmark) lost ten
 * times in a row with pauses of at most 100 ms: on small tables PostgreSQL's predicate
 * locks cover whole pages or relations, so nearly every pair of writers conflicts. The
 * pauses now double up to a second, which spreads the writers out until they pass.
 */
const POSTGRES_ATTEMPTS = 20;
const pauseBefore = (attempt: number) => Math.random() * Math.min(1000, 4 * 2 ** attempt);
/** SQLSTATEs that mean "run it again": serialization_failure, deadlock_detected. */
const RETRYABLE = new Set(["40001", "40P01"]);

/**
 * On PostgreSQL: one pooled connection for the transaction, at the isolation asked for
 * (SERIALIZABLE unless told), and `work` run again from the start, after a short random
 * pause, when PostgreSQL aborts it for a serialization failure or a deadlock (which may come
 * at COMMIT). Nothing of a failed attempt stays: its writes are rolled back and its
 * after-commit work is dropped; only the attempt that commits runs its own.
 */
async function postgresTransaction<T>(db: PostgresDb, work: (tx: Tx) => T | Promise<T>, options: TransactionOptions): Promise<T> {
  if (current.getStore()?.db === db) throw new Error("transaction() inside a transaction on the same database: pass its tx down");
  for (let attempt = 1; ; attempt++) {
    const after: (() => void)[] = [];
    try {
      const result = await db.transaction(
        async (tx) => current.run({ db, tx, afterCommit: after }, async () => work(tx as unknown as Tx)),
        {
          isolationLevel: options.isolation ?? "serializable",
        },
      );
      for (const run of after) runSafely(run);
      return result;
    } catch (error) {
      if (attempt >= POSTGRES_ATTEMPTS || !RETRYABLE.has(sqlState(error) ?? "")) throw error;
      await sleep(pauseBefore(attempt));
    }
  }
}

/** The SQLSTATE of a PostgreSQL error, also when Drizzle wraps it (DrizzleQueryError's cause). */
function sqlState(error: unknown): string | undefined {
  for (let e = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

const isPromise = <T>(value: T | Promise<T>): value is Promise<T> => typeof (value as { then?: unknown })?.then === "function";

/** The write has committed: an after-commit step that fails is logged, and the write stands. */
function runSafely(run: () => void) {
  try {
    run();
  } catch (error) {
    console.error("after-commit work failed", error);
  }
}
