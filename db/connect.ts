import { is } from "drizzle-orm";
import { PgDatabase } from "drizzle-orm/pg-core";
import { migrateDatabase, openDatabase, openServerDatabase, writerOf, type Db } from "./client";
import { ENGINE } from "./engine";
import { migratePostgres, openPostgres, type PostgresDb } from "./postgres";

export type DatabaseSettings = {
  /** postgres://…: PostgreSQL (the engine must say so too: DATABASE_URL, db/engine.ts). */
  url?: string;
  /** The SQLite file otherwise. */
  path?: string;
  /** PostgreSQL's pool size (connections this process may hold). */
  poolSize?: number;
  /** A server's SQLite database: a read-only connection with its writer beside it. */
  server?: boolean;
};

/**
 * The database a process runs on, whichever the engine: every script and the server open
 * it here, so they all follow DATABASE_URL the same way. Shared code holds it as `Db`.
 */
export function openAppDatabase(settings: DatabaseSettings): Db {
  if (ENGINE === "postgres") {
    if (!settings.url) throw new Error("DATABASE_URL names PostgreSQL, but no URL was given");
    return openPostgres(settings.url, settings.poolSize) as unknown as Db;
  }
  if (settings.url) throw new Error("A PostgreSQL URL needs DATABASE_URL set for the process (the tables follow it)");
  if (!settings.path) throw new Error("No database: set DATABASE_PATH (SQLite) or DATABASE_URL (PostgreSQL)");
  return settings.server ? openServerDatabase(settings.path) : openDatabase(settings.path);
}

const postgres = (db: Db): PostgresDb | undefined => (is(db, PgDatabase) ? (db as unknown as PostgresDb) : undefined);

/** Applies the engine's pending migrations (db/migrations or db/migrations-postgres). */
export async function applyMigrations(db: Db): Promise<void> {
  const pg = postgres(db);
  if (pg) await migratePostgres(pg);
  else migrateDatabase(db);
}

/** Closes every connection the database holds (its pool, or both SQLite connections). */
export async function closeDatabase(db: Db): Promise<void> {
  const pg = postgres(db);
  if (pg) return await pg.$client.end();
  const writer = writerOf(db);
  if (writer !== db) writer.$client.close();
  db.$client.close();
}

/**
 * What the engine finds wrong with its own files, empty when all is well: SQLite's
 * `integrity_check`; on PostgreSQL, amcheck's heap check of every table and B-tree check of
 * every index (with each heap row looked up in its indexes; creating the extension needs a
 * role allowed to). For the crash test, and for anyone who wants to know after an incident.
 */
export async function checkIntegrity(db: Db): Promise<string[]> {
  const pg = postgres(db);
  if (!pg) {
    const result = writerOf(db).$client.pragma("integrity_check", { simple: true });
    return result === "ok" ? [] : [String(result)];
  }
  const query = async <T>(text: string, params: unknown[] = []) => (await pg.$client.query(text, params)).rows as T[];
  await query("create extension if not exists amcheck");
  const relations = await query<{ name: string; kind: string }>(
    `select c.oid::regclass::text as name, c.relkind as kind from pg_class c
       join pg_namespace n on n.oid = c.relnamespace left join pg_am a on a.oid = c.relam
      where n.nspname = 'public' and (c.relkind = 'r' or (c.relkind = 'i' and a.amname = 'btree'))`,
  );
  const problems: string[] = [];
  for (const { name, kind } of relations) {
    if (kind === "r") {
      for (const row of await query<{ blkno: number; offnum: number; msg: string }>("select * from verify_heapam($1::regclass)", [name]))
        problems.push(`${name} block ${row.blkno} item ${row.offnum}: ${row.msg}`);
    } else {
      try {
        await query("select bt_index_check($1::regclass, true)", [name]);
      } catch (error) {
        problems.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  return problems;
}
