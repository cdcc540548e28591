/**
 * The way from one machine to several: a SQLite database moved into an empty PostgreSQL
 * one (`npm run db:copy`). Rows are read through the SQLite tables and written through
 * their PostgreSQL twins, so every value crosses as the TypeScript value both schemas
 * agree on (db/schema/schemas.test.ts): integer milliseconds become timestamptz, 0/1
 * booleans, JSON text jsonb. It is one PostgreSQL transaction: a copy that fails half-way
 * leaves the target as empty as it was.
 */
import Database from "better-sqlite3";
import { eq, getTableColumns, getTableName, gt, is, sql, type Column } from "drizzle-orm";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import { MIGRATIONS_FOLDER, type Db } from "./client";
import { migratePostgres, openPostgres, type PostgresDb } from "./postgres";
import * as postgresTables from "./schema/postgres";
import * as sqliteTables from "./schema/sqlite";
import { transaction } from "./transaction";

/** Why a copy was refused before anything was written: shown to the user as it is. */
export class CopyRefused extends Error {}

export type CopyProgress = (table: string, rows: number) => void;

const READ_BATCH = 2_000;
// PostgreSQL takes at most 65,535 parameters in one statement.
const PARAMETERS_PER_INSERT = 30_000;

type Row = Record<string, unknown>;

/** The PostgreSQL tables, parents before the tables whose foreign keys point at them. */
export function tablesInCopyOrder(): PgTable[] {
  const tables = (Object.values(postgresTables) as unknown[]).filter((t): t is PgTable => is(t, PgTable));
  const ordered: PgTable[] = [];
  const visit = (table: PgTable, path: Set<PgTable>) => {
    if (ordered.includes(table)) return;
    if (path.has(table)) throw new Error(`foreign keys form a cycle through ${getTableName(table)}`);
    path.add(table);
    for (const fk of getTableConfig(table).foreignKeys) {
      const parent = fk.reference().foreignTable;
      if (parent !== table) visit(parent, path);
    }
    path.delete(table);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

/** A column's property name in the table's rows, from its SQL name. */
function keyOf(table: PgTable, column: Column): string {
  const entry = Object.entries(getTableColumns(table)).find(([, c]) => c.name === column.name);
  if (!entry) throw new Error(`no column ${column.name} in ${getTableName(table)}`);
  return entry[0];
}

/**
 * Columns pointing at their own table (an organization's corporate-of partner): a row may
 * come before the row it names, so they are written after the whole table is in.
 */
function selfReferences(table: PgTable): string[] {
  return getTableConfig(table)
    .foreignKeys.filter((fk) => fk.reference().foreignTable === table)
    .flatMap((fk) => fk.reference().columns.map((c) => keyOf(table, c)));
}

function sqliteTwin(table: PgTable): SQLiteTable {
  const name = getTableName(table);
  const twin = (Object.values(sqliteTables) as unknown[]).find((t): t is SQLiteTable => is(t, SQLiteTable) && getTableName(t) === name);
  if (!twin) throw new Error(`the SQLite schema has no table ${name}`);
  return twin;
}

type Source = BetterSQLite3Database<typeof sqliteTables> & { $client: Database.Database };

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The source, read-only, once it is known to be a SQLite database migrated to this version. */
function openSource(file: string): Source {
  let source: Source;
  try {
    source = drizzle(new Database(file, { readonly: true, fileMustExist: true }), { schema: sqliteTables });
  } catch (error) {
    throw new CopyRefused(`Cannot open ${file}: ${reason(error)}`);
  }
  let applied = 0;
  try {
    applied = source.get<{ n: number }>(sql`select count(*) as n from __drizzle_migrations`).n;
  } catch (error) {
    // A database nothing was migrated on has no such table; anything else is not a database.
    if (!/no such table/.test(reason(error))) {
      source.$client.close();
      throw new CopyRefused(`Cannot read ${file} as a SQLite database: ${reason(error)}`);
    }
  }
  const known = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).length;
  if (applied !== known) {
    source.$client.close();
    throw new CopyRefused(
      `${file} has ${applied} of this version's ${known} migrations: run \`npm run db:migrate -- ${file}\` on it first (or start the app on it once)`,
    );
  }
  return source;
}

/** Rows of one SQLite table in rowid order, a batch at a time (the whole table never sits in memory). */
async function* sourceRows(source: Source, table: SQLiteTable): AsyncGenerator<Row[]> {
  const rowid = sql<number>`rowid`;
  for (let after = 0; ;) {
    const batch = await source
      .select({ rowid, row: getTableColumns(table) })
      .from(table)
      .where(gt(rowid, after))
      .orderBy(rowid)
      .limit(READ_BATCH);
    if (batch.length === 0) return;
    after = batch[batch.length - 1].rowid;
    yield batch.map((b) => b.row as Row);
  }
}

async function refuseUnlessEmpty(target: PostgresDb, tables: PgTable[]) {
  for (const table of tables) {
    const rows = await target.$count(table);
    if (rows > 0)
      throw new CopyRefused(`The target already holds data (${rows} rows in ${getTableName(table)}): db:copy only fills an empty database`);
  }
}

/** Identity columns (the activity log's and the outbox's ids) continue after the copied ids. */
async function continueIdentities(tx: PostgresDb) {
  const identities = await tx.execute<{ table_name: string; column_name: string }>(
    sql`select table_name, column_name from information_schema.columns where table_schema = 'public' and is_identity = 'YES'`,
  );
  for (const { table_name: table, column_name: column } of identities.rows)
    await tx.execute(
      sql`select setval(pg_get_serial_sequence(${`"${table}"`}, ${column}), coalesce((select max(${sql.identifier(column)}) from ${sql.identifier(table)}), 0) + 1, false)`,
    );
}

/**
 * Copies every row of the SQLite database at `from` into the PostgreSQL database at `to`,
 * after migrating it, then gathers the planner's statistics. Refuses a source behind this version's migrations and a target that
 * holds any row. Resolves with the rows copied per table.
 */
export async function copySqliteToPostgres(from: string, to: string, progress?: CopyProgress): Promise<Record<string, number>> {
  const source = openSource(from);
  const target = openPostgres(to, 1);
  try {
    await migratePostgres(target);
    const tables = tablesInCopyOrder();
    await refuseUnlessEmpty(target, tables);
    // One read transaction on the source: every table from the same snapshot, even if the
    // app still writes to it (better: stop it, or copy a backup).
    source.$client.exec("begin");
    const copied: Record<string, number> = {};
    await transaction(target as unknown as Db, async (anyTx) => {
      const tx = anyTx as unknown as PostgresDb;
      for (const table of tables) {
        const name = getTableName(table);
        const selfKeys = selfReferences(table);
        const primaryKey = Object.entries(getTableColumns(table)).find(([, c]) => c.primary);
        const later: [unknown, Row][] = [];
        const perInsert = Math.max(1, Math.floor(PARAMETERS_PER_INSERT / Object.keys(getTableColumns(table)).length));
        let count = 0;
        for await (const batch of sourceRows(source, sqliteTwin(table))) {
          const rows = batch.map((row) => {
            if (!selfKeys.some((k) => row[k] != null)) return row;
            if (!primaryKey) throw new Error(`${name} refers to itself but has no single-column primary key`);
            later.push([row[primaryKey[0]], Object.fromEntries(selfKeys.map((k) => [k, row[k]]))]);
            return { ...row, ...Object.fromEntries(selfKeys.map((k) => [k, null])) };
          });
          for (let i = 0; i < rows.length; i += perInsert) await tx.insert(table).values(rows.slice(i, i + perInsert));
          count += rows.length;
          progress?.(name, count);
        }
        for (const [id, values] of later) await tx.update(table).set(values).where(eq(primaryKey![1], id));
        copied[name] = count;
      }
      await continueIdentities(tx);
      // The count of each table once more, inside the transaction: anything short rolls it all back.
      for (const table of tables) {
        const rows = await tx.$count(table);
        if (rows !== copied[getTableName(table)])
          throw new Error(`${getTableName(table)}: ${rows} rows in the copy, ${copied[getTableName(table)]} in the source`);
      }
    });
    // The planner's statistics, as seed:large gathers them on SQLite: until autovacuum gets
    // to them, the first queries on a copy would be planned as if its tables were empty.
    await target.execute(sql`analyze`);
    return copied;
  } finally {
    source.$client.close();
    await target.$client.end();
  }
}
