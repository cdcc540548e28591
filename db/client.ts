import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { mkdirSync } from "node:fs";
import path from "node:path";
import * as schema from "./schema/sqlite";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/**
 * Opens a database with the settings every connection needs: WAL so readers never wait
 * for the writer, foreign keys enforced, and a busy timeout so a second process waits for
 * the write lock instead of failing.
 *
 * synchronous=FULL: each commit is fsynced to the WAL before it returns, so a write the
 * user was told about survives a power cut too, not just a killed process (NORMAL would
 * survive the process crash, but may roll back the last commits after an OS crash: an
 * acknowledged revocation of admin roles must not come back). It costs about 0.17 ms a
 * commit on these machines (docs/security.md); `npm run test:crash` checks the promise
 * against SIGKILL.
 */
export function openDatabase(file: string): Db {
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return drizzle(sqlite, { schema }) as Db;
}

/**
 * On a server's read connection, the connection its transactions write through. A
 * registered symbol on the object itself, not a module's map: Next bundles this module
 * once per entry (instrumentation, route handlers, actions), and all share one database.
 */
const WRITER = Symbol.for("prc.db.writer");

/**
 * The connection `transaction()` writes through: the database itself, or, for a server's
 * read connection, the writer opened beside it.
 */
export function writerOf(db: Db): Db {
  return (db as { [WRITER]?: Db })[WRITER] ?? db;
}

/**
 * A server's database: two connections to one file. What this returns reads (pages,
 * exports, the checks before a write) and cannot write: `readonly`, so a write outside
 * `transaction()` fails instead of landing inside whichever transaction is open on the
 * writer. `transaction()` writes through the writer beside it. While a transaction's work
 * awaits, a read here sees the last commit (WAL gives every statement a committed
 * snapshot), never the open transaction's half-done writes.
 */
export function openServerDatabase(file: string): Db {
  const writer = openDatabase(file);
  if (file === ":memory:") return writer; // one connection: a second would be another, empty database
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  sqlite.pragma("busy_timeout = 5000");
  const reader = drizzle(sqlite, { schema }) as Db;
  Object.defineProperty(reader, WRITER, { value: writer });
  return reader;
}

export function migrateDatabase(db: Db): void {
  migrate(writerOf(db), { migrationsFolder: MIGRATIONS_FOLDER });
}

/** A fresh, migrated in-memory database: what unit tests use. */
export function openTestDatabase(): Db {
  const db = openDatabase(":memory:");
  migrateDatabase(db);
  return db;
}
