import { getTableName, is, type InferSelectModel } from "drizzle-orm";
import { getTableConfig as postgresTable, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteTable, SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, expectTypeOf, it } from "vitest";
import * as chosen from "./index";
import * as postgres from "./postgres";
import * as sqlite from "./sqlite";

type Config = ReturnType<typeof sqliteTable> | ReturnType<typeof postgresTable>;
type Named = { name: string };

/**
 * What must agree between the engines, in one engine-neutral shape: the TypeScript type each
 * column reads as (Drizzle's dataType: string, number, date, boolean, json), nullability,
 * keys, defaults, indexes (partial or not; the predicates are written per dialect) and
 * foreign keys (PostgreSQL names SQLite's unstated "no action").
 */
function describeTable(config: Config) {
  const names = (columns: Named[]) => columns.map((c) => c.name);
  return {
    columns: config.columns.map((c) => ({
      name: c.name,
      reads: c.dataType,
      notNull: c.notNull,
      primary: c.primary,
      hasDefault: c.hasDefault || c.defaultFn !== undefined,
      unique: c.isUnique,
      enum: c.enumValues ?? null,
    })),
    primaryKeys: config.primaryKeys.map((k) => names(k.columns)),
    indexes: config.indexes
      .map((i) => ({
        name: String(i.config.name),
        on: names(i.config.columns as Named[]),
        unique: i.config.unique ?? false,
        partial: i.config.where !== undefined,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    foreignKeys: config.foreignKeys
      .map((k) => {
        const r = k.reference();
        return {
          columns: names(r.columns),
          to: getTableName(r.foreignTable),
          toColumns: names(r.foreignColumns),
          onDelete: k.onDelete === "no action" ? null : (k.onDelete ?? null),
        };
      })
      .sort((a, b) => a.columns.join().localeCompare(b.columns.join())),
  };
}

const tablesOf = <T extends object>(module: T, isTable: (v: unknown) => boolean) =>
  Object.entries(module).filter(([, v]) => isTable(v)) as [string, unknown][];

describe("the two schemas", () => {
  const sqliteTables = tablesOf(sqlite, (v) => is(v, SQLiteTable));
  const postgresTables = tablesOf(postgres, (v) => is(v, PgTable));

  it("export the same tables under the same names, and db/schema exports each of them", () => {
    expect(postgresTables.map(([k]) => k).sort()).toEqual(sqliteTables.map(([k]) => k).sort());
    expect(Object.keys(postgres).sort()).toEqual(Object.keys(sqlite).sort());
    expect(Object.keys(chosen).sort()).toEqual(Object.keys(sqlite).sort());
  });

  it.each(sqliteTables.map(([name]) => name))("declare %s alike: columns and their types, keys, indexes, foreign keys", (name) => {
    const lite = sqliteTable(sqlite[name as keyof typeof sqlite] as SQLiteTable);
    const pg = postgresTable(postgres[name as keyof typeof postgres] as PgTable);
    expect(pg.name).toBe(lite.name);
    expect(describeTable(pg)).toEqual(describeTable(lite));
  });

  it("read as the same TypeScript rows (checked by the typecheck)", () => {
    expectTypeOf<InferSelectModel<typeof postgres.users>>().toEqualTypeOf<InferSelectModel<typeof sqlite.users>>();
    expectTypeOf<InferSelectModel<typeof postgres.organizations>>().toEqualTypeOf<InferSelectModel<typeof sqlite.organizations>>();
    expectTypeOf<InferSelectModel<typeof postgres.invitations>>().toEqualTypeOf<InferSelectModel<typeof sqlite.invitations>>();
    expectTypeOf<InferSelectModel<typeof postgres.adminRelationships>>().toEqualTypeOf<
      InferSelectModel<typeof sqlite.adminRelationships>
    >();
    expectTypeOf<InferSelectModel<typeof postgres.auditEvents>>().toEqualTypeOf<InferSelectModel<typeof sqlite.auditEvents>>();
    expectTypeOf<InferSelectModel<typeof postgres.emailOutbox>>().toEqualTypeOf<InferSelectModel<typeof sqlite.emailOutbox>>();
    expectTypeOf<InferSelectModel<typeof postgres.rateLimits>>().toEqualTypeOf<InferSelectModel<typeof sqlite.rateLimits>>();
    expectTypeOf<InferSelectModel<typeof postgres.subscriptions>>().toEqualTypeOf<InferSelectModel<typeof sqlite.subscriptions>>();
    expectTypeOf<InferSelectModel<typeof postgres.adminTemplateVersions>>().toEqualTypeOf<
      InferSelectModel<typeof sqlite.adminTemplateVersions>
    >();
  });
});
