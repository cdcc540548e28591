import { expect, test } from "@playwright/test";
import { mailCursor, waitForEmail } from "./support/mail";
import { withDb } from "./support/db";
import { makeKey, northwindMember } from "./support/members";

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

test.describe("the REST API with keys", () => {
  test("customers: keyset pages in each order, one customer with its admin relationships and subscriptions, another partner's is not found", async ({
    browser,
    request,
  }) => {
    const stamp = Date.now();
    const { page, partnerId } = await northwindMember(browser, `cust-${stamp}@northwindcloud.com`, ["account_admin", "admin_agent"]);
    const secret = await makeKey(page, partnerId, `Customers ${stamp}`, ["customers.read", "subscriptions.read"]);
    type Summary = { id: string; name: string };
    // Five customers of Northwind's whose names share this run's stamp: the search keeps the walk to them.
    const names = ["Echo", "alpha", "Charlie", "Bravo", "Delta"].map((n) => `${n} keyset ${stamp}`);
    withDb((db) => {
      for (const [i, name] of names.entries()) {
        const id = `org_keyset_${stamp}_${i}`;
        db.prepare(
          "insert into organizations (id, kind, name, cloud, country, primary_domain, created_at) values (?, 'customer', ?, 'global', 'US', ?, ?)",
        ).run(id, name, `keyset-${stamp}-${i}.example`, Date.now());
        db.prepare(
          "insert into reseller_relationships (id, partner_id, customer_id, state, created_at, customer_name, customer_domain) values (?, ?, ?, 'active', ?, ?, ?)",
        ).run(`rel_keyset_${stamp}_${i}`, partnerId, id, Date.now() + i, name, `keyset-${stamp}-${i}.example`);
      }
    });
    const walk = async (sort: string) => {
      const seen: Summary[] = [];
      let cursor = "";
      for (let i = 0; i < 10; i++) {
        const res = await request.get(`/api/v1/customers?q=${stamp}&sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ""}`, {
          headers: bearer(secret),
        });
        expect(res.status()).toBe(200);
        const body = (await res.json()) as { data: Summary[]; next: string | null };
        seen.push(...body.data);
        if (!body.next) break;
        cursor = body.next;
      }
      return seen.map((c) => c.name);
    };
    const ascending = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(await walk("name")).toEqual(ascending);
    expect(await walk("name_desc")).toEqual([...ascending].reverse());
    expect(await walk("newest")).toEqual([...names].reverse());
    expect(await walk("oldest")).toEqual(names);
    expect((await request.get("/api/v1/customers?sort=sideways", { headers: bearer(secret) })).status()).toBe(422);
    const everyone = (await (await request.get("/api/v1/customers?sort=name&limit=200", { headers: bearer(secret) })).json()) as {
      data: Summary[];
    };
    const byName = everyone.data;

    const adventure = byName.find((c) => c.name === "Adventure Works Cycles");
    expect(adventure).toBeTruthy();
    const one = await request.get(`/api/v1/customers/${adventure!.id}`, { headers: bearer(secret) });
    expect(one.status()).toBe(200);
    const customer = (await one.json()) as { relationship: { state: string }; adminRelationships: unknown[]; subscriptions: unknown[] };
    expect(customer.adminRelationships.length).toBeGreaterThan(0);
    expect(customer.relationship.state).toBe("active");
    expect(customer.subscriptions.length).toBeGreaterThan(0);
    const stranger = withDb(
      (db) =>
        (
          db
            .prepare(
              "select id from organizations where kind = 'customer' and id not in (select customer_id from reseller_relationships where partner_id = ?) limit 1",
            )
            .get(partnerId) as { id: string }
        ).id,
    );
    expect((await request.get(`/api/v1/customers/${stranger}`, { headers: bearer(secret) })).status()).toBe(404);
  });

  test("a POST with an Idempotency-Key runs once: a repeat gets the first answer, another body with the key is 422; the OpenAPI document is served", async ({
    browser,
    request,
  }) => {
    const stamp = Date.now();
    const { page, partnerId } = await northwindMember(browser, `idem-${stamp}@northwindcloud.com`, ["account_admin", "sales_agent"]);
    const secret = await makeKey(page, partnerId, `Retrying PSA ${stamp}`, ["invitations.read", "invitations.write"]);
    const email = `idem-${stamp}@fabrikam.example`;
    const send = (data: object, key = `create-${stamp}`) =>
      request.post("/api/v1/invitations", { headers: { ...bearer(secret), "idempotency-key": key }, data });
    const first = await send({ email, locale: "en" });
    expect(first.status()).toBe(201);
    const again = await send({ email, locale: "en" });
    expect(again.status()).toBe(201);
    expect(again.headers()["idempotent-replayed"]).toBe("true");
    expect(again.headers()["location"]).toBe(first.headers()["location"]);
    expect(await again.json()).toEqual(await first.json());
    const made = withDb((db) => (db.prepare("select count(*) as n from invitations where email = ?").get(email) as { n: number }).n);
    expect(made).toBe(1);
    const reused = await send({ email: `other-${stamp}@fabrikam.example`, locale: "en" });
    expect(reused.status()).toBe(422);
    expect(await reused.json()).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    expect((await send({ email, locale: "en" }, "bad key with spaces")).status()).toBe(422);

    const document = await request.get("/api/v1/openapi.json");
    expect(document.status()).toBe(200);
    const spec = (await document.json()) as { openapi: string; paths: Record<string, object> };
    expect(spec.openapi).toBe("3.1.0");
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(["/me", "/invitations", "/invitations/{id}"]));

    // The reference page reads the same document on the server: no script, nothing the CSP must allow.
    const refusals: string[] = [];
    page.on("console", (m) => {
      if (/Content.Security.Policy/i.test(m.text())) refusals.push(m.text());
    });
    await page.goto("/api-reference");
    await expect(page.getByRole("heading", { level: 1, name: "Partner Relationship Center API" })).toBeVisible();
    await page.getByRole("navigation", { name: "Operations" }).getByRole("link", { name: "POST /invitations", exact: true }).click();
    await expect(
      page.getByRole("region", { name: /POST \/invitations Invite a customer/ }).getByRole("table", { name: "JSON body" }),
    ).toContainText("email");
    expect(refusals).toEqual([]);
  });

  test("an Account admin makes a key on the page; a script invites a customer with it, and gets problem documents for what it may not do", async ({
    browser,
    request,
  }) => {
    const stamp = Date.now();
    const { page, partnerId } = await northwindMember(browser, `keys-${stamp}@northwindcloud.com`, ["account_admin", "sales_agent"]);
    const secret = await makeKey(page, partnerId, `PSA sync ${stamp}`, ["invitations.read", "invitations.write"]);
    // Shown once: a reload shows the key by its prefix only.
    await page.reload();
    await expect(page.getByText(`PSA sync ${stamp}`)).toBeVisible();
    expect(await page.content()).not.toContain(secret);

    const me = await request.get("/api/v1/me", { headers: bearer(secret) });
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({
      key: { name: `PSA sync ${stamp}` },
      organization: { id: partnerId },
      permissions: ["invitations.read", "invitations.write"],
    });
    expect(me.headers()["ratelimit-limit"]).toBe("600");
    expect(Number(me.headers()["ratelimit-remaining"])).toBeLessThan(600);

    // The same operation as the page: the invitation, its activity row naming the key, and its email.
    const email = `api-${stamp}@fabrikam.example`;
    const since = await mailCursor();
    const created = await request.post("/api/v1/invitations", {
      headers: bearer(secret),
      data: { email, locale: "en", message: "From our PSA" },
    });
    expect(created.status()).toBe(201);
    const invitation = (await created.json()) as { id: string; status: string; email: string };
    expect(invitation).toMatchObject({ email, status: "sent" });
    expect(JSON.stringify(invitation)).not.toMatch(/token/i);
    await waitForEmail(email, /Northwind Cloud Services/, since);
    const listed = await (await request.get("/api/v1/invitations?limit=5", { headers: bearer(secret) })).json();
    expect((listed as { data: { id: string }[] }).data.map((i) => i.id)).toContain(invitation.id);
    await page.goto(`/partner/${partnerId}/activity`);
    await expect(page.getByText(`API key “PSA sync ${stamp}” (made by keys-${stamp}@northwindcloud.com)`).first()).toBeVisible();

    // Bad input: every field's error, in a problem document, and nothing made.
    const bad = await request.post("/api/v1/invitations", { headers: bearer(secret), data: { email: "not-an-address", locale: "en" } });
    expect(bad.status()).toBe(422);
    expect(bad.headers()["content-type"]).toContain("application/problem+json");
    expect(await bad.json()).toMatchObject({ status: 422, code: "VALIDATION", errors: [{ field: "email" }] });
    const notJson = await request.post("/api/v1/invitations", {
      headers: { ...bearer(secret), "content-type": "application/json" },
      data: "{",
    });
    expect(notJson.status()).toBe(400);

    // Which tenant: another partner's invitation is not found.
    const theirs = withDb(
      (db) =>
        (db.prepare("select id from invitations where partner_id <> ? limit 1").get(partnerId) as { id: string } | undefined)?.id ??
        "inv_none",
    );
    const foreign = await request.post(`/api/v1/invitations/${theirs}/revoke`, { headers: bearer(secret) });
    expect(foreign.status()).toBe(404);
    expect(await foreign.json()).toMatchObject({ code: "NOT_FOUND" });

    // Which privilege: a key without a scope is refused what its maker could do.
    const reader = await makeKey(page, partnerId, `Reader ${stamp}`, ["invitations.read"]);
    const refused = await request.post(`/api/v1/invitations/${invitation.id}/revoke`, { headers: bearer(reader) });
    expect(refused.status()).toBe(403);
    expect(await refused.json()).toMatchObject({ code: "FORBIDDEN" });
    const revoked = await request.post(`/api/v1/invitations/${invitation.id}/revoke`, { headers: bearer(secret) });
    expect(await revoked.json()).toMatchObject({ id: invitation.id, status: "revoked" });

    // No key, a made-up key: 401, and nothing is looked up for a key that fails its checksum.
    expect((await request.get("/api/v1/me")).status()).toBe(401);
    expect(await (await request.get("/api/v1/me", { headers: bearer(`prc_${"A".repeat(49)}`) })).json()).toMatchObject({
      code: "KEY_INVALID",
    });

    // Which moment: a revoked key gets 401 at once.
    const row = page.getByRole("row").filter({ hasText: `Reader ${stamp}` });
    await row.getByRole("button", { name: "Revoke" }).click();
    await row.getByRole("button", { name: "Revoke key" }).click();
    await expect(page.getByRole("status").getByText(`Key “Reader ${stamp}” revoked.`)).toBeVisible();
    const afterRevoke = await request.get("/api/v1/me", { headers: bearer(reader) });
    expect(afterRevoke.status()).toBe(401);
    expect(await afterRevoke.json()).toMatchObject({ code: "KEY_REVOKED" });
  });

  test("a key whose maker lost the permission is refused it (403), the page says so, and one whose maker left stops working", async ({
    browser,
    request,
  }) => {
    const stamp = Date.now();
    const maker = await northwindMember(browser, `maker-${stamp}@northwindcloud.com`, ["account_admin", "sales_agent"]);
    const secret = await makeKey(maker.page, maker.partnerId, `Maker ${stamp}`, ["invitations.write"]);
    withDb((db) => db.prepare("update memberships set roles = '[\"helpdesk_agent\"]' where user_id = ?").run(maker.userId));
    const refused = await request.post("/api/v1/invitations", {
      headers: bearer(secret),
      data: { email: `lost-${stamp}@fabrikam.example`, locale: "en" },
    });
    expect(refused.status()).toBe(403);
    expect(await refused.json()).toMatchObject({ code: "FORBIDDEN" });

    const admin = await northwindMember(browser, `admin-${stamp}@northwindcloud.com`, ["account_admin"]);
    await admin.page.goto(`/partner/${admin.partnerId}/api`);
    await expect(
      admin.page
        .getByRole("row")
        .filter({ hasText: `Maker ${stamp}` })
        .getByText("Its maker no longer holds: Invite customers, resend and revoke invitations."),
    ).toBeVisible();

    withDb((db) => db.prepare("delete from memberships where user_id = ?").run(maker.userId));
    const left = await request.get("/api/v1/me", { headers: bearer(secret) });
    expect(left.status()).toBe(401);
    expect(await left.json()).toMatchObject({ code: "KEY_MAKER_LEFT" });
  });
});
