import "server-only";
import type { Db } from "@/db/client";
import { openAppDatabase } from "@/db/connect";
import { env } from "@/lib/env";

// One database per server process (on SQLite a read connection with its writer beside it,
// on PostgreSQL a pool: db/connect.ts); kept on globalThis so Next's separate bundles (instrumentation, route
// handlers, server actions) share it.
const holder = globalThis as unknown as { __prcDb?: Db };

export function db(): Db {
  if (!holder.__prcDb) {
    const e = env();
    holder.__prcDb = openAppDatabase({ url: e.DATABASE_URL, path: e.DATABASE_PATH, poolSize: e.DATABASE_POOL_SIZE, server: true });
  }
  return holder.__prcDb;
}
