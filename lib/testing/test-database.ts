import path from "node:path";
import { migrateDatabase, openDatabase, openTestDatabase, type Db } from "@/db/client";
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
  // Few connections, closed when idle: a test file opens many databases one after the other.
  return openPostgres(await newPostgresDatabase(), 3, 200) as unknown as Db;
}

/**
 * A fresh database other processes can open too (the race tests' workers): a migrated
 * SQLite file in `dir`, or a new PostgreSQL database; `target` is what openAppDatabase takes.
 */
export async function sharedTestDatabase(dir: string): Promise<{ target: string; db: Db }> {
  if (ENGINE === "sqlite") {
    const target = path.join(dir, "shared.db");
    const db = openDatabase(target);
    migrateDatabase(db);
    return { target, db };
  }
  const target = await newPostgresDatabase();
  return { target, db: openPostgres(target, 3, 200) as unknown as Db };
}

/** A new database copied from the migrated template in the run's throwaway cluster; its URL. */
async function newPostgresDatabase(): Promise<string> {
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
  return `${server}/${name}`;
}
