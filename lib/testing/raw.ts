import type { Db } from "@/db/client";
import { ENGINE } from "@/db/engine";
import type { PostgresDb } from "@/db/postgres";

/**
 * Raw SQL for tests, on either engine: what a test checks beneath the services (a row the
 * app never reads back, a stray statement the triggers refuse). Parameters are `?`; write SQL
 * both engines understand (`cast(count(*) as integer)`, no rowid).
 */
export async function rawAll<T = Record<string, unknown>>(db: Db, text: string, ...params: unknown[]): Promise<T[]> {
  if (ENGINE === "sqlite") {
    const statement = db.$client.prepare(text);
    if (!statement.reader) {
      statement.run(...params);
      return [];
    }
    return statement.all(...params) as T[];
  }
  let n = 0;
  const numbered = text.replace(/\?/g, () => `$${++n}`);
  return (await (db as unknown as PostgresDb).$client.query(numbered, params)).rows as T[];
}

/** The first row, or undefined. */
export async function rawOne<T = Record<string, unknown>>(db: Db, text: string, ...params: unknown[]): Promise<T | undefined> {
  return (await rawAll<T>(db, text, ...params))[0];
}

/** The first column of the first row (SQLite's `pluck().get()`). */
export async function rawValue<T = unknown>(db: Db, text: string, ...params: unknown[]): Promise<T | undefined> {
  const row = await rawOne(db, text, ...params);
  return row === undefined ? undefined : (Object.values(row)[0] as T);
}

/** A statement for its effect. */
export async function rawRun(db: Db, text: string, ...params: unknown[]): Promise<void> {
  await rawAll(db, text, ...params);
}
