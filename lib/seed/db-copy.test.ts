import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { getTableColumns, getTableName } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase, type Db } from "@/db/client";
import { CopyRefused, copySqliteToPostgres, tablesInCopyOrder } from "@/db/copy";
import { openPostgres, type PostgresDb } from "@/db/postgres";
import * as lite from "@/db/schema/sqlite";
import { startCluster, type Cluster } from "@/db/testing/postgres-cluster";
import { seedDemo } from "./demo";

/*
 * `npm run db:copy`: the demo database, with a row in each table the demo leaves empty,
 * moved into an empty PostgreSQL database, then read back table by table through each
 * engine's own schema: every row, every value.
 */
let cluster: Cluster;
const dir = mkdtempSync(path.join(tmpdir(), "prc-copy-"));
const source = path.join(dir, "demo.db");
let database = 0;

/** A new empty database on the cluster. */
async function emptyDatabase(): Promise<string> {
  const name = `copy_${++database}`;
  const admin = openPostgres(cluster.url, 1);
  await admin.$client.query(`create database ${name}`);
  await admin.$client.end();
  return cluster.url.replace(/\/prc$/, `/${name}`);
}

/** Rows for the tables the demo seed leaves empty (sign-in state, mail, team invitations, support notes, counters). */
async function fillTheRest(db: Db) {
  const user = (await db.select().from(lite.users).limit(1))[0];
  const assignment = (await db.select().from(lite.supportAssignments).limit(1))[0];
  const organizationId = assignment.partnerId;
  const now = new Date("2026-11-30T09:15:00.123Z");
  await db
    .insert(lite.accounts)
    .values({ userId: user.id, type: "email", provider: "nodemailer", providerAccountId: user.email, expires_at: 1767225600 });
  await db.insert(lite.sessions).values({ sessionToken: "tok_copy", userId: user.id, expires: now, signedInAt: now });
  await db.insert(lite.verificationTokens).values({ identifier: user.email, token: "hash_copy", expires: now });
  await db.insert(lite.emailOutbox).values({
    idempotencyKey: "key_copy",
    organizationId,
    kind: "invitation",
    toAddress: "ana@example.com",
    subject: "Ünïcode ✓ subject",
    textBody: "text",
    htmlBody: "<p>html</p>",
    state: "sent",
    attempts: 1,
    nextAttemptAt: now,
    createdAt: now,
    sentAt: now,
  });
  await db.insert(lite.memberInvitations).values({
    id: "mi_copy",
    organizationId,
    email: "new.member@example.com",
    roles: ["sales_agent", "helpdesk_agent"],
    locale: "de",
    tokenHash: "hash_member",
    state: "sent",
    createdByUserId: user.id,
    createdAt: now,
    expiresAt: now,
  });
  await db.insert(lite.supportActions).values({
    id: "sa_copy",
    assignmentId: assignment.id,
    partnerId: organizationId,
    userId: user.id,
    note: "It's 'quoted' \\ too",
    createdAt: now,
  });
  await db.insert(lite.rateLimits).values({ key: "invite:org", windowStart: now.getTime(), count: 3 });
  await db.insert(lite.jobLeases).values({ name: "tick", holder: "server-1", until: now });
  await db.insert(lite.apiKeys).values({
    id: "key_copy",
    organizationId,
    name: "PSA „sync“",
    prefix: "prc_abcdef",
    secretHash: "hash_key",
    scopes: ["invitations.read", "invitations.write"],
    createdByUserId: user.id,
    createdAt: now,
    expiresAt: now,
    lastUsedAt: now,
    lastUsedIp: "2001:db8::1",
  });
  await db.insert(lite.apiIdempotencyKeys).values({
    apiKeyId: "key_copy",
    key: "retry-7f3c",
    requestHash: "hash_request",
    state: "done",
    status: 201,
    body: '{"id":"inv_copy"}',
    location: "/api/v1/invitations/inv_copy",
    createdAt: now,
    expiresAt: now,
  });
  await db.insert(lite.webhookEndpoints).values({
    id: "whe_copy",
    organizationId,
    url: "https://hooks.example.com/prc?x=1",
    description: "PSA",
    eventTypes: ["invitation-sent", "granular-admin-relationship-approved"],
    secret: "whsec_c2VjcmV0",
    previousSecret: "whsec_b2xk",
    previousSecretUntil: now,
    disabledAt: now,
    disabledReason: "gone",
    failingSince: now,
    createdByUserId: user.id,
    createdAt: now,
    updatedAt: now,
  });
  await db.insert(lite.adminTemplates).values({
    id: "tpl_copy",
    partnerId: organizationId,
    name: "Copied tier",
    nameKey: "copied tier",
    version: 2,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  });
  await db.insert(lite.adminTemplateVersions).values({
    id: "tpv_copy",
    templateId: "tpl_copy",
    version: 2,
    roles: ["helpdesk_administrator", "global_reader"],
    durationDays: 730,
    autoExtend: true,
    groupRoles: [{ groupId: "grp_copy", roles: ["global_reader"] }],
    createdByUserId: user.id,
    createdAt: now,
  });
  await db.insert(lite.webhookDeliveries).values({
    id: "msg_copy",
    endpointId: "whe_copy",
    organizationId,
    eventType: "invitation-sent",
    body: '{"type":"invitation-sent","data":{"note":"„quoted“"}}',
    state: "failed",
    attempts: 8,
    nextAttemptAt: now,
    lastStatus: 503,
    lastDurationMs: 120,
    lastResponse: "unavailable",
    lastError: null,
    createdAt: now,
    deliveredAt: null,
  });
}

/** Every row of a table, as comparable text: the same key order whatever the engine (jsonb sorts object keys). */
function canonical(rows: Record<string, unknown>[]): string[] {
  const sortKeys = (value: unknown): unknown =>
    value instanceof Date || value === null || typeof value !== "object"
      ? value
      : Array.isArray(value)
        ? value.map(sortKeys)
        : Object.fromEntries(
            Object.entries(value as object)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, v]) => [k, sortKeys(v)]),
          );
  return rows.map((row) => JSON.stringify(sortKeys(row))).sort();
}

const sqliteTable = (name: string) => Object.values(lite).find((t) => typeof t === "object" && getTableName(t as never) === name);

beforeAll(async () => {
  cluster = await startCluster();
  const db = openDatabase(source);
  migrateDatabase(db);
  await seedDemo(db, new Date("2026-11-30T09:00:00Z"));
  await fillTheRest(db);
  db.$client.close();
}, 60_000);
afterAll(() => {
  cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("db:copy from SQLite into an empty PostgreSQL database", () => {
  it("copies every row of every table, value for value, and new ids continue after the copied ones", async () => {
    const url = await emptyDatabase();
    const copied = await copySqliteToPostgres(source, url);

    const from = openDatabase(source);
    const to: PostgresDb = openPostgres(url, 1);
    try {
      const tables = tablesInCopyOrder();
      expect(Object.keys(copied).sort()).toEqual(tables.map((t) => getTableName(t)).sort());
      for (const table of tables) {
        const name = getTableName(table);
        const liteRows = await from
          .select(getTableColumns(sqliteTable(name) as typeof lite.users))
          .from(sqliteTable(name) as typeof lite.users);
        const pgRows = await to.select(getTableColumns(table as never)).from(table);
        expect(liteRows.length, `${name} is empty in the source: the test would prove nothing for it`).toBeGreaterThan(0);
        expect(copied[name], name).toBe(liteRows.length);
        expect(canonical(pgRows as Record<string, unknown>[]), name).toEqual(canonical(liteRows));
      }
      // The activity log's identity goes on after the highest copied id rather than colliding with it.
      const { rows } = await to.$client.query<{ next: number; max: number }>(
        "select nextval(pg_get_serial_sequence('audit_events', 'id'))::int as next, (select max(id) from audit_events) as max",
      );
      expect(rows[0].next).toBeGreaterThan(rows[0].max);
    } finally {
      from.$client.close();
      await to.$client.end();
    }
  }, 60_000);

  it("refuses a target that already holds rows, and leaves it as it was", async () => {
    const url = await emptyDatabase();
    await copySqliteToPostgres(source, url);
    const to = openPostgres(url, 1);
    const before = (await to.$client.query("select count(*)::int as n from organizations")).rows[0];

    await expect(copySqliteToPostgres(source, url)).rejects.toThrow(CopyRefused);
    await expect(copySqliteToPostgres(source, url)).rejects.toThrow(/already holds data \(\d+ rows in \w+\)/);
    expect((await to.$client.query("select count(*)::int as n from organizations")).rows[0]).toEqual(before);
    await to.$client.end();
  }, 60_000);

  it("refuses a source that is not a migrated database of this version", async () => {
    const url = await emptyDatabase();
    const behind = path.join(dir, "behind.db");
    openDatabase(behind).$client.close();
    await expect(copySqliteToPostgres(behind, url)).rejects.toThrow(/has 0 of this version's \d+ migrations: run `npm run db:migrate/);
    await expect(copySqliteToPostgres(path.join(dir, "missing.db"), url)).rejects.toThrow(/Cannot open .*missing\.db/);
    const text = path.join(dir, "notes.txt");
    writeFileSync(text, "not a database, just some notes that are long enough to fill a header page ".repeat(20));
    await expect(copySqliteToPostgres(text, url)).rejects.toThrow(/Cannot read .*notes\.txt as a SQLite database/);
  });

  it("rolls the whole copy back when a row cannot go in, leaving the target empty", async () => {
    // PostgreSQL's text cannot hold a NUL character; SQLite's can.
    const broken = path.join(dir, "broken.db");
    const db = openDatabase(source);
    await db.$client.backup(broken);
    db.$client.close();
    const bad = openDatabase(broken);
    bad.$client.exec("update support_actions set note = 'a' || char(0) || 'b'");
    bad.$client.close();
    const url = await emptyDatabase();

    await expect(copySqliteToPostgres(broken, url)).rejects.toThrow();
    const to = openPostgres(url, 1);
    for (const table of tablesInCopyOrder())
      expect((await to.$client.query(`select count(*)::int as n from "${getTableName(table)}"`)).rows[0].n, getTableName(table)).toBe(0);
    await to.$client.end();
  }, 60_000);
});
