import "server-only";
import { openServerDatabase, type Db } from "@/db/client";
import { env } from "@/lib/env";

// One database per server process (a read connection with its writer beside it,
// db/client.ts); kept on globalThis so Next's separate bundles (instrumentation, route
// handlers, server actions) share it.
const holder = globalThis as unknown as { __prcDb?: Db };

export function db(): Db {
  holder.__prcDb ??= openServerDatabase(env().DATABASE_PATH);
  return holder.__prcDb;
}
