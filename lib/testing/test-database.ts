import { openTestDatabase, type Db } from "@/db/client";
import { ENGINE } from "@/db/engine";
import { openPostgres } from "@/db/postgres";
import { TEMPLATE_DATABASE } from "./postgres-template";

let databases = 0;

/**
 * A fresh database with the real migrations, on the engine the test run is for: SQLite in
 * memory, or on PostgreSQL a new database copied from the migrated template (tens of
 * milliseconds) in the run's throwaway cluster (lib/testing/postgres-setup.ts).
 */
export async function testDatabase(): Promise<Db> {
  if (ENGINE === "sqlite") return openTestDatabase();
  // Imported here, not at the top: the crash and race workers load the fixtures outside vitest.
  const { inject } = await import("vitest");
  const server = inject("postgresServer");
  const name = `test_${process.pid}_${++databases}`;
  const admin = openPostgres(`${server}/postgres`, 1);
  try {
    await admin.$client.query(`create database ${name} template ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.$client.end();
  }
  // Few connections, closed when idle: a test file opens many databases one after the other.
  return openPostgres(`${server}/${name}`, 3, 200) as unknown as Db;
}
