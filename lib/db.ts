import "server-only";
import { openServerDatabase, type Db } from "@/db/client";
import { ENGINE } from "@/db/engine";
import { env } from "@/lib/env";

// One database per server process (a read connection with its writer beside it,
// db/client.ts); kept on globalThis so Next's separate bundles (instrumentation, route
// handlers, server actions) share it.
const holder = globalThis as unknown as { __prcDb?: Db };

export function db(): Db {
  // The tables already follow DATABASE_URL (db/schema); the driver does not yet (docs/scaling.md).
  if (ENGINE === "postgres") throw new Error("DATABASE_URL names a PostgreSQL server: this version runs on SQLite only (docs/scaling.md)");
  holder.__prcDb ??= openServerDatabase(env().DATABASE_PATH);
  return holder.__prcDb;
}
