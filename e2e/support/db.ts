import Database from "better-sqlite3";
import { E2E } from "./ports";

/** Direct access to the running server's database, for arranging time (expiry) the way a clock would. */
export function withDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(E2E.dbPath);
  db.pragma("busy_timeout = 5000");
  try {
    return fn(db);
  } finally {
    db.close();
  }
}
