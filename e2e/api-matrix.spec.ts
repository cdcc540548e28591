import { expect, test, type APIRequestContext } from "@playwright/test";
import fc from "fast-check";
import { newKeySecret } from "../lib/api-keys/secret";
import { withDb } from "./support/db";
import { HOSTILE } from "./support/hostile";
import { northwindMember } from "./support/members";

/**
 * The API's authorization matrix and fuzz test, read from its own OpenAPI document, so a
 * route added to the API is in both without a row written here: every operation × no key, a
 * key whose maker left, a key without the route's permission (`x-permission`), and another
 * tenant's ids; then hostile bodies and headers to every operation. Never a 5xx, always a
 * problem document, and nothing written by what was refused.
 */

type Operation = { operationId: string; "x-permission": string | null; requestBody?: unknown };
type Document = { paths: Record<string, Record<string, Operation>> };

const PAYLOADS = Number(process.env.FUZZ_PAYLOADS ?? 15);
const SCOPES = [
  "organization.manage",
  "organization.profile.write",
  "webhooks.manage",
  "customers.read",
  "invitations.read",
  "invitations.write",
  "admin_relationships.write",
  "relationships.remove",
  "users.write",
  "groups.write",
  "activity.read",
  "partnerships.read",
  "partnerships.write",
  "support.write",
  "subscriptions.read",
  "subscriptions.write",
];

/** Bodies that pass the documented shape where a route needs one, so the tenant check is what answers. */
const SAMPLE_BODIES: Record<string, object> = {
  createAccessAssignment: { groupId: "grp_none", roles: ["global_reader"] },
  updateAccessAssignment: { roles: ["global_reader"] },
  createAdminTemplate: { name: "Matrix tier", durationDays: 30, roles: ["global_reader"] },
  updateAdminTemplate: { name: "Matrix tier", durationDays: 30, roles: ["global_reader"] },
  requestFromTemplate: { customerId: "org_none", templateId: "tpl_none", name: "Matrix" },
  changeSeats: { seats: 3 },
  updateWebhookEndpoint: { url: "https://hooks.example.net/x", eventTypes: ["invitation-sent"], enabled: true },
  addGroupMember: { userId: "usr_none" },
};

function key(organizationId: string, makerId: string, scopes: string[]): string {
  const { secret, hash, prefix } = newKeySecret();
  withDb((db) =>
    db
      .prepare(
        "insert into api_keys (id, organization_id, name, prefix, secret_hash, scopes, created_by_user_id, created_at, expires_at) values (?, ?, 'Matrix', ?, ?, ?, ?, ?, ?)",
      )
      .run(
        `key_${prefix}_${Math.random().toString(36).slice(2)}`,
        organizationId,
        prefix,
        hash,
        JSON.stringify(scopes),
        makerId,
        Date.now(),
        Date.now() + 86_400_000,
      ),
  );
  return `Bearer ${secret}`;
}

/** Another partner's (Fabrikam's) object of each kind a path names. */
function foreignIds(partnerId: string) {
  return withDb((db) => {
    const one = (sql: string) => (db.prepare(sql).get(partnerId) as { id: string } | undefined)?.id ?? "none_of_ours";
    const other = one("select id from organizations where kind = 'partner' and id <> ? and name = 'Fabrikam Azure Experts'");
    const maker = (db.prepare("select user_id as id from memberships where organization_id = ? limit 1").get(other) as { id: string }).id;
    db.prepare(
      "insert or ignore into webhook_endpoints (id, organization_id, url, event_types, secret, created_by_user_id, created_at, updated_at) values ('whe_api_matrix', ?, 'https://hooks.example.net/p2', '[\"invitation-sent\"]', 'whsec_eA==', ?, ?, ?)",
    ).run(other, maker, Date.now(), Date.now());
    db.prepare(
      "insert or ignore into admin_templates (id, partner_id, name, name_key, version, created_at, updated_at) values ('tpl_api_matrix', ?, 'Theirs', 'theirs', 1, ?, ?)",
    ).run(other, Date.now(), Date.now());
    return {
      invitations: one("select id from invitations where partner_id <> ? limit 1"),
      customers: one(
        "select id from organizations where kind = 'customer' and id not in (select customer_id from reseller_relationships where partner_id = ?) limit 1",
      ),
      "admin-relationships": one("select id from admin_relationships where partner_id <> ? limit 1"),
      "access-assignments": one("select id from access_assignments where partner_id <> ? limit 1"),
      subscriptions: one("select id from subscriptions where partner_of_record_id is not null and partner_of_record_id <> ? limit 1"),
      "webhook-endpoints": "whe_api_matrix",
      "admin-templates": "tpl_api_matrix",
      "security-groups": one("select id from security_groups where partner_id <> ? limit 1"),
      userId: maker,
    } as Record<string, string>;
  });
}

/** The path with each {param} replaced by the foreign object of the kind the segment before it names. */
const withIds = (path: string, ids: Record<string, string>) =>
  path
    .replace(/\/([\w-]+)\/\{(\w+)\}/g, (_m, kind: string, param: string) => `/${kind}/${param === "id" ? ids[kind] : ids[param]}`)
    .replace(/\{(\w+)\}/g, (_m, p: string) => ids[p] ?? "none");

async function call(request: APIRequestContext, method: string, url: string, headers: Record<string, string>, data?: unknown) {
  const res = await request.fetch(`/api/v1${url}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    data: data === undefined ? undefined : JSON.stringify(data),
  });
  const type = res.headers()["content-type"] ?? "";
  return { status: res.status(), problem: type.includes("application/problem+json"), text: (await res.text()).slice(0, 300) };
}

const writes = () => withDb((db) => (db.prepare("select count(*) as n from audit_events").get() as { n: number }).n);

test.describe("the API from its own document", () => {
  test("every operation × no key, a departed maker's key, a key without its permission, another tenant's ids", async ({
    browser,
    request,
  }) => {
    test.setTimeout(180_000);
    const stamp = Date.now();
    const document = (await (await request.get("/api/v1/openapi.json")).json()) as Document;
    const { partnerId, userId } = await northwindMember(browser, `api-matrix-${stamp}@northwindcloud.com`, [
      "account_admin",
      "admin_agent",
      "sales_agent",
    ]);
    const full = key(partnerId, userId, SCOPES);
    const leaver = await northwindMember(browser, `api-leaver-${stamp}@northwindcloud.com`, ["account_admin"]);
    const departed = key(partnerId, leaver.userId, SCOPES);
    withDb((db) => db.prepare("delete from memberships where user_id = ?").run(leaver.userId));
    const ids = foreignIds(partnerId);
    const failures: string[] = [];
    let cells = 0;
    const before = writes();
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const url = withIds(path, ids);
        const body = op.requestBody ? (SAMPLE_BODIES[op.operationId] ?? {}) : undefined;
        const expectStatus = async (what: string, headers: Record<string, string>, want: number) => {
          cells++;
          const got = await call(request, method.toUpperCase(), url, headers, body);
          if (got.status !== want || (want >= 400 && !got.problem))
            failures.push(`${op.operationId} ${what}: expected ${want}, got ${got.status} ${got.text}`);
        };
        await expectStatus("no key", {}, 401);
        await expectStatus("departed maker", { authorization: departed }, 401);
        const permission = op["x-permission"];
        if (permission) {
          const other = permission === "activity.read" ? "customers.read" : "activity.read";
          await expectStatus(`key without ${permission}`, { authorization: key(partnerId, userId, [other]) }, 403);
        }
        if (path.includes("{")) await expectStatus("another tenant's ids", { authorization: full }, 404);
      }
    }
    expect(failures).toEqual([]);
    expect(writes(), "a refused call wrote nothing").toBe(before);
    console.log(`api matrix: ${cells} cells checked (${Object.values(document.paths).flatMap(Object.keys).length} operations)`);
  });

  test("hostile bodies, ids and headers to every operation: a problem document, no 5xx, nothing written", async ({ browser, request }) => {
    test.setTimeout(240_000);
    const stamp = Date.now();
    const document = (await (await request.get("/api/v1/openapi.json")).json()) as Document;
    const { partnerId, userId } = await northwindMember(browser, `api-fuzz-${stamp}@northwindcloud.com`, [
      "account_admin",
      "admin_agent",
      "sales_agent",
    ]);
    let full = key(partnerId, userId, SCOPES);
    const ids = foreignIds(partnerId);
    const hostileJson = fc.oneof(
      fc.constantFrom<unknown>(null, [], "text", 42, true, { __proto__: { admin: true } }, { constructor: { prototype: {} } }),
      fc.dictionary(
        fc.constantFrom(
          "email",
          "customerId",
          "seats",
          "roles",
          "url",
          "eventTypes",
          "groupId",
          "userId",
          "name",
          "durationDays",
          "locale",
          "enabled",
          "term",
          "productId",
        ),
        fc.oneof(
          fc.constantFrom(...HOSTILE),
          fc.integer(),
          fc.double(),
          fc.boolean(),
          fc.constant(null),
          fc.array(fc.constantFrom(...HOSTILE.slice(0, 20))),
        ),
      ),
    );
    const failures: string[] = [];
    const before = writes();
    let requests = 0;
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const samples = fc.sample(fc.tuple(hostileJson, fc.constantFrom(...HOSTILE.slice(0, 24))), PAYLOADS);
        for (const [body, hostileId] of samples) {
          // Another tenant's ids, or hostile ones (the path encodes them).
          const url = requests % 2 ? withIds(path, ids) : path.replace(/\{\w+\}/g, encodeURIComponent(hostileId.slice(0, 200)) || "x");
          // A fresh key every 100 requests keeps clear of the per-key limit; every third Idempotency-Key is malformed.
          if (requests % 100 === 0) full = key(partnerId, userId, SCOPES);
          const headers = { authorization: full, "idempotency-key": requests % 3 ? `fuzz-${stamp}-${requests}` : `bad key ${requests}` };
          requests++;
          const got = await call(request, method.toUpperCase(), url, headers, op.requestBody ? body : undefined);
          if (got.status >= 500 || (got.status >= 400 && !got.problem) || /at .*\.(ts|js):\d+/.test(got.text))
            failures.push(`${op.operationId} ${JSON.stringify(body)?.slice(0, 80)}: ${got.status} ${got.text}`);
        }
      }
    }
    // Hostile credentials: never past the door.
    for (const authorization of [
      "Bearer",
      "Bearer prc_",
      `Bearer ${"prc_".padEnd(53, "A")}`,
      "Basic YTpi",
      "Bearer ' OR 1=1 --",
      `Bearer ${"x".repeat(10_000)}`,
    ]) {
      const got = await call(request, "GET", "/me", { authorization });
      if (got.status !== 401 || !got.problem) failures.push(`authorization ${authorization.slice(0, 30)}: ${got.status}`);
    }
    expect(failures.slice(0, 20)).toEqual([]);
    // Reads and refusals write nothing; a hostile body that happened to be valid could (an accepted write), so count refusals only.
    expect(writes(), "hostile input wrote nothing").toBe(before);
    console.log(`api fuzz: ${requests} requests to ${Object.values(document.paths).flatMap(Object.keys).length} operations, 0 problems`);
  });
});
