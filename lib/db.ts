import "server-only";
import { openDatabase, type Db } from "@/db/client";
import { env } from "@/lib/env";

// One connection per server process; kept on globalThis so Next's separate bundles
// (instrumentation, route handlers, server actions) share it.
const holder = globalThis as unknown as { __prcDb?: Db };

export function db(): Db {
  holder.__prcDb ??= openDatabase(env().DATABASE_PATH);
  return holder.__prcDb;
}
