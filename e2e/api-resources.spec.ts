import { expect, test, type APIRequestContext } from "@playwright/test";
import { withDb } from "./support/db";
import { makeKey, northwindMember } from "./support/members";

/**
 * The API's resources over HTTP, each through the operation the pages run. In the test mode
 * the server checks every answer against the OpenAPI document's schema before it leaves (a
 * mismatch is a 500), so each call here also proves the document true.
 */
test("a script works a portfolio through the API: groups, admin relationships and assignments, subscriptions, webhook endpoints, activity", async ({
  browser,
  request,
}) => {
  const stamp = Date.now();
  const { page, partnerId, userId } = await northwindMember(browser, `resources-${stamp}@northwindcloud.com`, [
    "account_admin",
    "admin_agent",
    "sales_agent",
  ]);
  const key = await makeKey(page, partnerId, `Everything ${stamp}`, [
    "customers.read",
    "groups.write",
    "admin_relationships.write",
    "subscriptions.read",
    "subscriptions.write",
    "webhooks.manage",
    "activity.read",
  ]);
  const api = apiOf(request, key);

  // Security groups: add and remove a colleague.
  const groups = (await api.get("/security-groups", 200)) as { data: { id: string; name: string }[] };
  const helpdesk = groups.data.find((g) => g.name === "Helpdesk Agents")!;
  const added = (await api.post(`/security-groups/${helpdesk.id}/members`, { userId }, 200)) as { members: { userId: string }[] };
  expect(added.members.map((m) => m.userId)).toContain(userId);
  const removed = (await api.delete(`/security-groups/${helpdesk.id}/members/${userId}`, 200)) as { members: { userId: string }[] };
  expect(removed.members.map((m) => m.userId)).not.toContain(userId);

  // Admin relationships of one customer; an assignment given and taken back.
  const customerId = withDb(
    (db) => (db.prepare("select id from organizations where name = 'Adventure Works Cycles'").get() as { id: string }).id,
  );
  const relationships = (await api.get(`/admin-relationships?customerId=${customerId}&limit=2`, 200)) as {
    data: { id: string; state: string; roles: string[] }[];
    next: string | null;
  };
  expect(relationships.data).toHaveLength(2);
  expect(relationships.next).not.toBeNull();
  const rest = (await api.get(`/admin-relationships?customerId=${customerId}&cursor=${relationships.next}`, 200)) as {
    data: { id: string }[];
  };
  const all = [...relationships.data, ...rest.data] as { id: string; state: string; roles: string[] }[];
  const inForce = all.find((r) => r.state === "expiring" && r.roles.includes("global_reader"))!;
  const assignments = (await api.get(`/admin-relationships/${inForce.id}/access-assignments`, 200)) as {
    data: { groupId: string; state: string }[];
  };
  const free = groups.data.find((g) => !assignments.data.some((a) => a.groupId === g.id && a.state !== "deleted"))!;
  const assignment = (await api.post(
    `/admin-relationships/${inForce.id}/access-assignments`,
    { groupId: free.id, roles: ["global_reader"] },
    201,
  )) as {
    id: string;
    state: string;
  };
  expect(assignment.state).toBe("active");
  // Its roles change in place; a change names the version it was made to, as every update may.
  const auth = { authorization: `Bearer ${key}` };
  const etagOf = async (path: string) => (await request.get(`/api/v1${path}`, { headers: auth })).headers()["etag"]!;
  const assignmentEtag = await etagOf(`/access-assignments/${assignment.id}`);
  expect(assignmentEtag).toMatch(/^"\d+"$/);
  const patchAssignment = (roles: string[]) =>
    request.patch(`/api/v1/access-assignments/${assignment.id}`, { headers: { ...auth, "if-match": assignmentEtag }, data: { roles } });
  const rolesChanged = await patchAssignment(inForce.roles);
  expect(rolesChanged.status()).toBe(200);
  expect(await rolesChanged.json()).toMatchObject({ roles: inForce.roles, state: "active" });
  expect((await patchAssignment(["global_reader"])).status()).toBe(412);
  expect(((await api.delete(`/access-assignments/${assignment.id}`, 200)) as { state: string }).state).toBe("deleted");
  const refused = (await api.post(
    `/admin-relationships/${inForce.id}/access-assignments`,
    { groupId: free.id, roles: ["global_administrator"] },
    422,
  )) as {
    errors: { field: string }[];
  };
  expect(refused.errors.map((e) => e.field)).toContain("roles");

  // A template, versioned by its ETag, and a request made from it.
  const template = (await api.post(
    "/admin-templates",
    {
      name: `API tier ${stamp}`,
      durationDays: 90,
      roles: ["global_reader"],
      groupRoles: [{ groupId: helpdesk.id, roles: ["global_reader"] }],
    },
    201,
  )) as { id: string; version: number };
  expect(template.version).toBe(1);
  const templateEtag = await etagOf(`/admin-templates/${template.id}`);
  expect(templateEtag).toBe('"1"');
  const editTemplate = (durationDays: number) =>
    request.patch(`/api/v1/admin-templates/${template.id}`, {
      headers: { ...auth, "if-match": templateEtag },
      data: { name: `API tier ${stamp}`, durationDays, roles: ["global_reader"] },
    });
  expect(((await (await editTemplate(60)).json()) as { version: number }).version).toBe(2);
  expect((await editTemplate(30)).status()).toBe(412);
  const fromTemplate = (await api.post(
    "/admin-relationships/from-template",
    { customerId, templateId: template.id, name: `API tier ${stamp}` },
    201,
  )) as { state: string; durationDays: number; templateVersionId: string | null };
  expect(fromTemplate).toMatchObject({ state: "approvalPending", durationDays: 60 });
  expect(fromTemplate.templateVersionId).not.toBeNull();
  await api.delete(`/admin-templates/${template.id}`, 200);
  await api.get(`/admin-templates/${template.id}`, 404);

  // A new request for roles: pending the customer's approval.
  const requested = (await api.post(
    "/admin-relationships",
    { customerId, name: `API ${stamp}`, durationDays: 90, roles: ["global_reader"], autoExtend: true },
    201,
  )) as { id: string; state: string; autoExtend: boolean };
  expect(requested).toMatchObject({ state: "approvalPending", autoExtend: true });
  await api.get(`/admin-relationships/${requested.id}`, 200);

  // Subscriptions: sell, change seats, suspend, reactivate, cancel; to a customer of this test's own,
  // so the partner's subscription list that other tests read is left as it was.
  const buyer = `org_api_buyer_${stamp}`;
  const productId = withDb((db) => {
    db.prepare(
      "insert into organizations (id, kind, name, cloud, country, primary_domain, created_at) values (?, 'customer', ?, 'global', 'US', ?, ?)",
    ).run(buyer, `API buyer ${stamp}`, `api-buyer-${stamp}.example`, Date.now());
    db.prepare(
      "insert into reseller_relationships (id, partner_id, customer_id, state, created_at, customer_name, customer_domain) values (?, ?, ?, 'active', ?, ?, ?)",
    ).run(`rel_api_buyer_${stamp}`, partnerId, buyer, Date.now(), `API buyer ${stamp}`, `api-buyer-${stamp}.example`);
    return (db.prepare("select id from products where cloud = 'global' and available = 1 order by name limit 1").get() as { id: string })
      .id;
  });
  const sold = (await api.post("/subscriptions", { customerId: buyer, productId, seats: 5, term: "P1Y" }, 201)) as {
    id: string;
    partnerOfRecordId: string;
  };
  expect(sold.partnerOfRecordId).toBe(partnerId);
  const soldEtag = await etagOf(`/subscriptions/${sold.id}`);
  const seatsAt = (seats: number) =>
    request.post(`/api/v1/subscriptions/${sold.id}/seats`, { headers: { ...auth, "if-match": soldEtag }, data: { seats } });
  expect(((await (await seatsAt(7)).json()) as { seats: number }).seats).toBe(7);
  expect((await seatsAt(9)).status()).toBe(412);
  expect(((await api.post(`/subscriptions/${sold.id}/suspend`, undefined, 200)) as { state: string }).state).toBe("suspended");
  expect(((await api.post(`/subscriptions/${sold.id}/reactivate`, undefined, 200)) as { state: string }).state).toBe("active");
  expect(((await api.post(`/subscriptions/${sold.id}/cancel`, undefined, 200)) as { state: string }).state).toBe("cancelled");
  await api.post(`/subscriptions/${sold.id}/seats`, { seats: 0 }, 422);

  // Webhook endpoints: the whole life of one.
  const made = (await api.post(
    "/webhook-endpoints",
    { url: "https://hooks.northwind-psa.example/prc", eventTypes: ["invitation-sent"] },
    201,
  )) as {
    id: string;
    secret: string;
  };
  expect(made.secret).toMatch(/^whsec_/);
  const listed = (await api.get("/webhook-endpoints", 200)) as { data: { id: string }[] };
  expect(listed.data.map((e) => e.id)).toContain(made.id);
  expect(JSON.stringify(listed)).not.toContain(made.secret);
  const changed = (await api.patch(
    `/webhook-endpoints/${made.id}`,
    { url: "https://hooks.northwind-psa.example/prc2", eventTypes: ["invitation-sent", "partner-suspended"], enabled: false },
    200,
  )) as { enabled: boolean; disabledReason: string };
  expect(changed).toMatchObject({ enabled: false, disabledReason: "manual" });
  await api.post(`/webhook-endpoints/${made.id}/test`, undefined, 409);
  // Two scripts cannot overwrite each other: a change names the version it was made to.
  const etag = await etagOf(`/webhook-endpoints/${made.id}`);
  expect(etag).toMatch(/^"\d+"$/);
  const body = { url: "https://hooks.northwind-psa.example/prc3", eventTypes: ["invitation-sent"], enabled: false };
  const first = await request.patch(`/api/v1/webhook-endpoints/${made.id}`, { headers: { ...auth, "if-match": etag }, data: body });
  expect(first.status()).toBe(200);
  expect(first.headers()["etag"]).not.toBe(etag);
  const second = await request.patch(`/api/v1/webhook-endpoints/${made.id}`, {
    headers: { ...auth, "if-match": etag },
    data: { ...body, url: "https://hooks.northwind-psa.example/overwritten" },
  });
  expect(second.status()).toBe(412);
  expect(await second.json()).toMatchObject({ code: "PRECONDITION_FAILED" });
  expect(((await api.get(`/webhook-endpoints/${made.id}`, 200)) as { url: string }).url).toBe(body.url);
  const rotated = (await api.post(`/webhook-endpoints/${made.id}/rotate-secret`, undefined, 200)) as { secret: string };
  expect(rotated.secret).not.toBe(made.secret);
  await api.post("/webhook-endpoints", { url: "http://hooks.northwind-psa.example/prc", eventTypes: ["invitation-sent"] }, 422);
  await api.delete(`/webhook-endpoints/${made.id}`, 200);
  await api.get(`/webhook-endpoints/${made.id}`, 404);

  // The activity log names the key for what it did, newest first, by cursor.
  const activity = (await api.get("/activity?limit=3", 200)) as { data: { actor: { key: string | null } }[]; next: string };
  expect(activity.data[0]!.actor.key).toBe(`Everything ${stamp}`);
  await api.get(`/activity?limit=3&cursor=${activity.next}`, 200);

  // Which tenant: another partner's admin relationship and subscription are not found.
  const theirs = withDb((db) => ({
    relationship: (db.prepare("select id from admin_relationships where partner_id <> ? limit 1").get(partnerId) as { id: string }).id,
    subscription: (
      db
        .prepare("select id from subscriptions where partner_of_record_id is not null and partner_of_record_id <> ? limit 1")
        .get(partnerId) as { id: string }
    ).id,
  }));
  await api.get(`/admin-relationships/${theirs.relationship}`, 404);
  await api.post(`/admin-relationships/${theirs.relationship}/terminate`, undefined, 404);
  await api.get(`/subscriptions/${theirs.subscription}`, 404);
  await api.post(`/subscriptions/${theirs.subscription}/cancel`, undefined, 404);

  // What this test sold leaves Northwind's lists, which other tests read.
  withDb((db) => {
    db.prepare("delete from subscriptions where customer_id = ?").run(buyer);
    db.prepare("update reseller_relationships set state = 'ended', ended_at = ? where customer_id = ?").run(Date.now(), buyer);
  });
});

/** Calls that expect a status, and return the JSON body. */
function apiOf(request: APIRequestContext, key: string) {
  const headers = { authorization: `Bearer ${key}` };
  const check = async (res: Awaited<ReturnType<APIRequestContext["get"]>>, status: number, what: string) => {
    const body: unknown = await res.json().catch(() => null);
    expect(res.status(), `${what}: ${JSON.stringify(body)}`).toBe(status);
    return body;
  };
  return {
    get: async (path: string, status: number) => await check(await request.get(`/api/v1${path}`, { headers }), status, `GET ${path}`),
    post: async (path: string, data: object | undefined, status: number) =>
      await check(await request.post(`/api/v1${path}`, { headers, data: data ?? {} }), status, `POST ${path}`),
    patch: async (path: string, data: object, status: number) =>
      await check(await request.patch(`/api/v1${path}`, { headers, data }), status, `PATCH ${path}`),
    delete: async (path: string, status: number) =>
      await check(await request.delete(`/api/v1${path}`, { headers }), status, `DELETE ${path}`),
  };
}
