import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCluster, type Cluster } from "./testing/postgres-cluster";
import { openTestDatabase } from "./client";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { migratePostgres, openPostgres, POSTGRES_MIGRATIONS_FOLDER, type PostgresDb } from "./postgres";

let cluster: Cluster;
let db: PostgresDb;
beforeAll(async () => {
  cluster = await startCluster();
  db = openPostgres(cluster.url, 2);
  await migratePostgres(db);
}, 60_000);
afterAll(async () => {
  await db?.$client.end();
  cluster?.stop();
});

const rows = async <T>(text: string, values: unknown[] = []) => (await db.$client.query(text, values)).rows as T[];

describe("PostgreSQL's migrations", () => {
  it("make the same tables and columns, with the same nullability, as SQLite's", async () => {
    const lite = openTestDatabase().$client;
    const liteTables = (
      lite
        .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'")
        .pluck()
        .all() as string[]
    ).sort();
    const pgTables = (await rows<{ table_name: string }>("select table_name from information_schema.tables where table_schema = 'public'"))
      .map((r) => r.table_name)
      .sort();
    expect(pgTables).toEqual(liteTables);
    for (const table of liteTables) {
      const liteColumns = (lite.prepare(`pragma table_info(${table})`).all() as { name: string; notnull: number; pk: number }[])
        .map((c) => `${c.name}${c.notnull || c.pk ? " not null" : ""}`)
        .sort();
      const pgColumns = (
        await rows<{ column_name: string; is_nullable: string }>(
          "select column_name, is_nullable from information_schema.columns where table_schema = 'public' and table_name = $1",
          [table],
        )
      )
        .map((c) => `${c.column_name}${c.is_nullable === "NO" ? " not null" : ""}`)
        .sort();
      expect(pgColumns, table).toEqual(liteColumns);
    }
  });

  it("make the same indexes, partial ones included", async () => {
    const lite = openTestDatabase().$client;
    const liteIndexes = (
      lite.prepare("select name from sqlite_master where type = 'index' and sql is not null").pluck().all() as string[]
    ).sort();
    // Primary keys are indexes on PostgreSQL only; unique columns are indexes named *_unique on both.
    const pgIndexes = (await rows<{ indexname: string }>("select indexname from pg_indexes where schemaname = 'public'"))
      .map((r) => r.indexname)
      .filter((name) => !/_(pkey|pk)$/.test(name))
      .sort();
    expect(pgIndexes).toEqual(liteIndexes);
    const partial = await rows<{ indexdef: string }>(
      "select indexdef from pg_indexes where indexname = 'admin_relationships_partner_global_admin_idx'",
    );
    expect(partial[0]?.indexdef).toMatch(/WHERE \(roles @> '\["global_administrator"\]'::jsonb\)/);
  });

  it("keep the activity log append-only: no update, delete or truncate", async () => {
    await db.$client.query(
      "insert into audit_events (organization_id, action, target_type, target_id, created_at) values ('org_1', 'invitation.sent', 'invitation', 'inv_1', now())",
    );
    await expect(db.$client.query("update audit_events set action = 'x'")).rejects.toThrow(/append-only/);
    await expect(db.$client.query("delete from audit_events")).rejects.toThrow(/append-only/);
    await expect(db.$client.query("truncate audit_events")).rejects.toThrow(/append-only/);
    expect(await rows("select id from audit_events")).toHaveLength(1);
  });

  it("migrate once when several servers start at once on an empty database", async () => {
    await db.$client.query("create database starting_together");
    const url = cluster.url.replace(/\/prc$/, "/starting_together");
    const servers = Array.from({ length: 4 }, () => openPostgres(url, 2));
    try {
      await Promise.all(servers.map(async (server) => await migratePostgres(server)));
      const applied = await servers[0].$client.query<{ n: number }>("select count(*)::int as n from drizzle.__drizzle_migrations");
      const files = readMigrationFiles({ migrationsFolder: POSTGRES_MIGRATIONS_FOLDER }).length;
      expect(applied.rows[0].n).toBe(files);
    } finally {
      await Promise.all(servers.map(async (server) => await server.$client.end()));
    }
  });
});
