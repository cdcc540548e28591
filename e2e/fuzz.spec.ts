import { expect, test, type APIRequestContext } from "@playwright/test";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { actionIds, exportedActions, postAction, type Fields } from "./support/actions";
import { memberFor, sessionCookieFor, withDb } from "./support/db";
import { ENVELOPES, hostileValue, notAnEmail } from "./support/hostile";

/*
 * Hostile input to every server action and every form route, over HTTP: wrong types,
 * repeated fields, missing fields, huge strings, Unicode tricks and look-alike addresses,
 * other tenants' ids, SQL and HTML injection, and argument envelopes React never sends.
 * Never a 5xx, never a stack trace, never a change to the database, and every action
 * answers with a clear, translated error.
 *
 * Every id-like field gets a hostile value, another tenant's id or nothing, never the
 * persona's own tenant: so no payload can be a valid request, and any change to the
 * database is a bug. FUZZ_PAYLOADS sets the payloads per action and per route: 40 in
 * `npm test`, 1,000 with `npm run test:fuzz`.
 */
const PAYLOADS = Number(process.env.FUZZ_PAYLOADS ?? 40);
// Its own client address, so the limits its attempts run into hold back nobody else.
const FUZZ_IP = "192.0.2.77";

/** The fields each action reads (the matrix's, plus optional ones). */
const FIELDS: Record<string, string[]> = {
  inviteCustomerAction: [
    "partnerId",
    "email",
    "locale",
    "message",
    "providerId",
    "includeAdmin",
    "name",
    "durationDays",
    "roles",
    "autoExtend",
  ],
  resendInvitationAction: ["partnerId", "invitationId"],
  revokeInvitationAction: ["partnerId", "invitationId"],
  acceptInvitationAction: ["token", "target", "customerId", "name", "primaryDomain", "country", "agreement"],
  declineInvitationAction: ["token"],
  requestAdminRelationshipAction: ["partnerId", "customerId", "name", "durationDays", "roles", "autoExtend", "replacesId"],
  approveAdminRelationshipAction: ["organizationId", "relationshipId"],
  rejectAdminRelationshipAction: ["organizationId", "relationshipId"],
  terminateAdminRelationshipAction: ["organizationId", "relationshipId"],
  createAccessAssignmentAction: ["partnerId", "relationshipId", "groupId", "roles"],
  removeAccessAssignmentAction: ["partnerId", "assignmentId"],
  createAdminTemplateAction: ["partnerId", "name", "durationDays", "roles", "autoExtend"],
  updateAdminTemplateAction: ["partnerId", "templateId", "version", "name", "durationDays", "roles", "autoExtend"],
  deleteAdminTemplateAction: ["partnerId", "templateId"],
  requestFromTemplateAction: ["partnerId", "customerId", "templateId", "name"],
  updateAccessAssignmentAction: ["partnerId", "assignmentId", "roles", "version"],
  addGroupMemberAction: ["partnerId", "groupId", "userId"],
  createApiKeyAction: ["organizationId", "name", "expiresInDays", "scopes"],
  revokeApiKeyAction: ["organizationId", "keyId"],
  createWebhookEndpointAction: ["organizationId", "url", "description", "eventTypes"],
  updateWebhookEndpointAction: ["organizationId", "endpointId", "url", "description", "eventTypes", "enabled"],
  deleteWebhookEndpointAction: ["organizationId", "endpointId"],
  rotateWebhookSecretAction: ["organizationId", "endpointId"],
  sendTestWebhookAction: ["organizationId", "endpointId"],
  replayWebhooksAction: ["organizationId", "endpointId", "since"],
  redeliverWebhookAction: ["organizationId", "deliveryId"],
  removeGroupMemberAction: ["partnerId", "groupId", "userId"],
  inviteMemberAction: ["organizationId", "email", "roles", "locale"],
  changeMemberRolesAction: ["organizationId", "userId", "roles"],
  removeMemberAction: ["organizationId", "userId"],
  renameOrganizationAction: ["organizationId", "name"],
  revokeMemberInvitationAction: ["organizationId", "invitationId"],
  removeCustomerAction: ["partnerId", "customerId", "attestation"],
  removePartnerAction: ["customerId", "partnerId", "scope"],
  invitePartnershipAction: ["providerId", "email", "resellerPartnerId", "locale"],
  authorizePartnershipAction: ["token"],
  declinePartnershipAction: ["token"],
  revokePartnershipInvitationAction: ["organizationId", "partnershipId"],
  endPartnershipAction: ["organizationId", "partnershipId"],
  assignSupportAction: ["customerId", "subscriptionId", "partnerId"],
  endSupportAction: ["customerId", "assignmentId"],
  recordSupportActionAction: ["partnerId", "assignmentId", "note"],
  acceptMemberInvitationAction: ["token"],
  declineMemberInvitationAction: ["token"],
  applyAction: [
    "companyName",
    "primaryDomain",
    "country",
    "cloud",
    "partnerType",
    "corporateDomain",
    "agreement",
    "agreementVersion",
    "locale",
  ],
  withdrawApplicationAction: ["applicationId"],
  approveApplicationAction: ["applicationId", "partnerPublicId", "cspTransactionTenant", "corporateConfirmed"],
  rejectApplicationAction: ["applicationId", "reason"],
  suspendPartnerAction: ["partnerId", "reason"],
  reinstatePartnerAction: ["partnerId", "reason"],
  offboardPartnerAction: ["partnerId", "reason", "confirmName"],
  addProductAction: ["cloud", "name", "supportable"],
  changeProductAction: ["productId", "name", "supportable", "available"],
  removeProductAction: ["productId"],
  createSubscriptionAction: ["partnerId", "customerId", "productId", "seats", "term"],
  recordSubscriptionAction: ["customerId", "productId", "seats", "channel", "termEndsAt"],
  changeSeatsAction: ["organizationId", "subscriptionId", "seats"],
  suspendSubscriptionAction: ["organizationId", "subscriptionId"],
  reactivateSubscriptionAction: ["organizationId", "subscriptionId"],
  cancelSubscriptionAction: ["organizationId", "subscriptionId"],
  importSubscriptionsAction: ["partnerId", "csv", "mode"],
  setLocaleAction: ["locale"],
  signInAction: ["email", "redirectTo"],
  signOutAction: ["redirectTo"],
};
/** Actions that take the form alone and return nothing (they redirect or set a cookie). */
const FORM_ONLY = new Set(["setLocaleAction", "signOutAction"]);
const isIdField = (f: string) => /Id$/.test(f) || f === "token";

type World = {
  P: string;
  C: string;
  foreignIds: string[];
  partnerCookie: string;
  customerCookie: string;
  operatorCookie: string;
  translatedCodes: Set<string>;
};

function arrange(): World {
  return withDb((db) => {
    const org = (domain: string) => (db.prepare("select id from organizations where primary_domain = ?").get(domain) as { id: string }).id;
    const session = (orgId: string, email: string, roles: string[]) => sessionCookieFor(db, memberFor(db, orgId, email, roles));
    const P = org("northwindcloud.com");
    const C = org("adventure-works.com");
    const foreignOrgs = [
      "fabrikam-experts.com",
      "fourthcoffee.com",
      "contoso-distribution.com",
      "litware-solutions.com",
      "wingtipcloud.cn",
    ].map(org);
    // Objects of other tenants: what an attacker who saw an id elsewhere would send.
    const foreignObjects = (
      db
        .prepare(
          "select id from invitations where partner_id <> ? union all select id from admin_relationships where partner_id <> ? and customer_id <> ? limit 20",
        )
        .all(P, P, C) as { id: string }[]
    ).map((r) => r.id);
    const en = JSON.parse(readFileSync("lib/i18n/messages/en.json", "utf8")) as { errors: Record<string, string> };
    return {
      P,
      C,
      foreignIds: [...foreignOrgs, ...foreignObjects],
      partnerCookie: session(P, "fuzz-partner@northwindcloud.com", [
        "account_admin",
        "admin_agent",
        "sales_agent",
        "billing_admin",
        "helpdesk_agent",
        "user_management_admin",
      ]),
      customerCookie: session(C, "fuzz-ga@adventure-works.com", ["global_admin"]),
      operatorCookie: session(
        (db.prepare("select id from organizations where kind = 'operator'").get() as { id: string }).id,
        "fuzz-operator@partner-program.example",
        ["operator_viewer"],
      ),
      translatedCodes: new Set(Object.keys(en.errors)),
    };
  });
}

/**
 * Every table but the abuse counters (counting attempts is their job) and the scheduler's
 * leases (each server's tick renews one, whatever the requests do), as one digest.
 */
function databaseDigest(): Record<string, string> {
  return withDb((db) => {
    const tables = (
      db
        .prepare(
          "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' and name not in ('rate_limits', 'job_leases')",
        )
        .all() as { name: string }[]
    ).map((r) => r.name);
    return Object.fromEntries(
      tables.map((t) => [
        t,
        createHash("sha256")
          .update(JSON.stringify(db.prepare(`select * from "${t}" order by rowid`).raw().all()))
          .digest("hex"),
      ]),
    );
  });
}

const STACK = /\n\s+at [^\n]+:\d+:\d+/;

function payloadFor(action: string, w: World): fc.Arbitrary<{ fields: Fields; cookie: string; envelope?: string }> {
  const field = (name: string): fc.Arbitrary<string | string[] | undefined> => {
    if (action === "signInAction" && name === "email") return fc.option(notAnEmail, { nil: undefined });
    if (isIdField(name)) return fc.oneof(fc.constant(undefined), fc.constantFrom(...w.foreignIds), hostileValue);
    return fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 5, arbitrary: hostileValue });
  };
  const fields = fc
    .record(Object.fromEntries(FIELDS[action].map((f) => [f, field(f)])))
    .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as Fields);
  // Signing out with a real session would delete it: that action gets no one's cookie.
  const cookies = action === "signOutAction" ? [""] : [w.partnerCookie, w.customerCookie, "", "authjs.session-token=forged"];
  return fc.record({
    fields,
    cookie: fc.constantFrom(...cookies),
    // One payload in ten has a malformed argument envelope; the others are what React sends.
    envelope: fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...ENVELOPES) }),
  });
}

async function fuzzAction(request: APIRequestContext, action: string, id: string, w: World): Promise<string[]> {
  const problems: string[] = [];
  const samples = fc.sample(payloadFor(action, w), { numRuns: PAYLOADS, seed: 20261121 });
  const before = databaseDigest();
  for (let i = 0; i < samples.length; i += 8) {
    await Promise.all(
      samples.slice(i, i + 8).map(async (p) => {
        const res = await postAction(request, id, p.fields, {
          cookie: p.cookie,
          formOnly: FORM_ONLY.has(action),
          envelope: p.envelope,
          headers: { "x-forwarded-for": FUZZ_IP },
        });
        const what = `${action} ${JSON.stringify(p).slice(0, 200)}`;
        if (res.status >= 500) problems.push(`${what}: status ${res.status}`);
        else if (STACK.test(res.body)) problems.push(`${what}: a stack trace in the answer`);
        // An envelope React never sends is turned away before any action runs (proxy.ts).
        else if (res.status === 400) {
          if (!p.envelope) problems.push(`${what}: a well-formed request refused as malformed`);
        } else if (res.serverError) problems.push(`${what}: the action threw`);
        else if (!FORM_ONLY.has(action)) {
          // A clear error: refused with a code the catalogs translate, and a message.
          const r = res.result;
          if (res.redirect) problems.push(`${what}: succeeded (redirected to ${res.redirect})`);
          else if (!r || r.ok !== false || !r.code || !w.translatedCodes.has(r.code) || r.code === "UNEXPECTED")
            problems.push(`${what}: not a clear error: ${res.body.slice(0, 200)}`);
        }
      }),
    );
  }
  const after = databaseDigest();
  const changed = Object.keys(before).filter((t) => before[t] !== after[t]);
  if (changed.length) problems.push(`${action}: the database changed (${changed.join(", ")})`);
  return problems;
}

type Csrf = { token: string; cookie: string };

/** Auth.js's CSRF token and the cookie that carries it, fetched as any script can. */
async function csrfPair(request: APIRequestContext): Promise<Csrf> {
  const res = await request.get("/api/auth/csrf", { headers: { cookie: "" } });
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res
    .headersArray()
    .find((h) => h.name.toLowerCase() === "set-cookie" && h.value.includes("authjs.csrf-token="))
    ?.value.split(";")[0];
  expect(cookie, "Auth.js set its CSRF cookie").toBeTruthy();
  return { token: csrfToken, cookie: cookie! };
}

/** Form routes and pages that read what a visitor sends: query strings, path segments, posted forms. */
function routes(
  w: World,
  csrf: Csrf,
): { name: string; request: fc.Arbitrary<{ method: "GET" | "POST"; url: string; form?: Record<string, string>; cookie: string }> }[] {
  const one = fc.oneof(
    fc.constantFrom(""),
    hostileValue.map((v) => (Array.isArray(v) ? v[0] : v).slice(0, 2_000)),
  );
  const query = (keys: string[]) => fc.record(Object.fromEntries(keys.map((k) => [k, one]))).map((q) => new URLSearchParams(q).toString());
  const get = (name: string, path: (q: string, seg: string) => string, keys: string[], cookie: string) => ({
    name,
    request: fc
      .record({ q: query(keys), seg: one })
      .map(({ q, seg }) => ({ method: "GET" as const, url: path(q, encodeURIComponent(seg || "x")), cookie })),
  });
  const LIST = ["q", "sort", "page", "status", "window", "customers", "replaces"];
  const ACTIVITY = ["action", "actor", "from", "to", "customer", "customerName", "before"];
  return [
    get("partner lists", (q) => `/partner/${w.P}/customers?${q}`, LIST, w.partnerCookie),
    get("partner invitations", (q) => `/partner/${w.P}/invitations?${q}`, LIST, w.partnerCookie),
    get("partner expiring", (q) => `/partner/${w.P}/expiring?${q}`, LIST, w.partnerCookie),
    get("partner activity", (q) => `/partner/${w.P}/activity?${q}`, ACTIVITY, w.partnerCookie),
    get("partner activity export", (q) => `/partner/${w.P}/activity/export?${q}`, ACTIVITY, w.partnerCookie),
    get("partner subscriptions", (q) => `/partner/${w.P}/subscriptions?${q}`, ["state", "page", "q"], w.partnerCookie),
    get("partner subscriptions export", (q) => `/partner/${w.P}/subscriptions/export?${q}`, ["state", "q"], w.partnerCookie),
    get("customer activity export", (q) => `/customer/${w.C}/activity/export?${q}`, ACTIVITY, w.customerCookie),
    get("a customer's page by any id", (_q, seg) => `/partner/${w.P}/customers/${seg}`, [], w.partnerCookie),
    get("enrollment", () => "/enroll", [], w.customerCookie),
    get("operator applications", (q) => `/operator/applications?${q}`, ["state", "page"], w.operatorCookie),
    get("an application by any id", (_q, seg) => `/operator/applications/${seg}`, [], w.operatorCookie),
    get("operator partners", (q) => `/operator/partners?${q}`, ["q", "type", "cloud", "state", "page"], w.operatorCookie),
    get("a partner by any id", (_q, seg) => `/operator/partners/${seg}`, [], w.operatorCookie),
    get("operator customers", (q) => `/operator/customers?${q}`, ["q", "page"], w.operatorCookie),
    get("operator activity", (q) => `/operator/activity?${q}`, ACTIVITY, w.operatorCookie),
    get("operator activity export", (q) => `/operator/activity/export?${q}`, ACTIVITY, w.operatorCookie),
    get("invitation links", (_q, seg) => `/invite/${seg}`, [], w.customerCookie),
    get("team links", (_q, seg) => `/join/${seg}`, [], ""),
    get("partnership links", (_q, seg) => `/partnership/${seg}`, [], ""),
    get("sign-in page", (q) => `/signin?${q}`, ["email", "callbackUrl", "redirectTo"], ""),
    get("sign-in continue", (q) => `/signin/continue?${q}`, ["token", "email", "callbackUrl"], ""),
    get("sign-in callback", (q) => `/api/auth/callback/nodemailer?${q}`, ["token", "email", "callbackUrl"], ""),
    {
      name: "sign-in form post",
      request: fc
        .record({ email: notAnEmail, csrfToken: one, callbackUrl: one })
        .map((form) => ({ method: "POST" as const, url: "/api/auth/signin/nodemailer", form, cookie: "" })),
    },
    // With a valid CSRF token and its cookie, as a script would fetch them: past Auth.js's own check, into ours.
    {
      name: "sign-in endpoint with a valid CSRF token",
      request: fc.record({ email: notAnEmail, callbackUrl: one }).map((form) => ({
        method: "POST" as const,
        url: "/api/auth/signin/nodemailer",
        form: { ...form, csrfToken: csrf.token },
        cookie: csrf.cookie,
      })),
    },
    {
      name: "sign-in callback post with a valid CSRF token",
      request: fc.record({ token: one, email: one, callbackUrl: one }).map((form) => ({
        method: "POST" as const,
        url: "/api/auth/callback/nodemailer",
        form: { ...form, csrfToken: csrf.token },
        cookie: csrf.cookie,
      })),
    },
    {
      name: "sign-out post with a valid CSRF token",
      request: fc.record({ callbackUrl: one }).map((form) => ({
        method: "POST" as const,
        url: "/api/auth/signout",
        form: { ...form, csrfToken: csrf.token },
        cookie: csrf.cookie,
      })),
    },
  ];
}

test.describe("hostile input", () => {
  test.describe.configure({ timeout: Math.max(120_000, PAYLOADS * 2_000) });

  test("every server action has a row here", () => {
    const actions = [...exportedActions().keys()];
    expect(
      actions.filter((a) => !(a in FIELDS)),
      "actions missing from the fuzz test",
    ).toEqual([]);
    expect(
      Object.keys(FIELDS).filter((a) => !actions.includes(a)),
      "fuzz rows for actions that no longer exist",
    ).toEqual([]);
  });

  test(`${PAYLOADS} malformed payloads to every server action: refused clearly, nothing changed, no 5xx`, async ({ request }) => {
    const w = arrange();
    const ids = actionIds();
    const problems: string[] = [];
    for (const action of Object.keys(FIELDS)) problems.push(...(await fuzzAction(request, action, ids.get(action)!, w)));
    console.log(`fuzz: ${PAYLOADS} payloads × ${Object.keys(FIELDS).length} actions, ${problems.length} problems`);
    expect(problems.slice(0, 20)).toEqual([]);
  });

  test(`${PAYLOADS} malformed requests to every form route and page that reads input: no 5xx, no stack trace, nothing changed`, async ({
    request,
  }) => {
    const w = arrange();
    const problems: string[] = [];
    const before = databaseDigest();
    const csrf = await csrfPair(request);
    // The pair is valid: the callback's CSRF check lets it through to Auth.js (which refuses the made-up link).
    const probe = await request.post("/api/auth/callback/nodemailer", {
      headers: { cookie: csrf.cookie, "x-forwarded-for": FUZZ_IP },
      form: { token: "x", email: "a@b.example", csrfToken: csrf.token },
      maxRedirects: 0,
    });
    expect(probe.headers()["location"]).toMatch(/\/signin\/error\?error=Verification$/);
    const all = routes(w, csrf);
    for (const route of all) {
      const samples = fc.sample(route.request, { numRuns: PAYLOADS, seed: 20261121 });
      for (let i = 0; i < samples.length; i += 8) {
        await Promise.all(
          samples.slice(i, i + 8).map(async (r) => {
            const headers = { "x-forwarded-for": FUZZ_IP, ...(r.cookie ? { cookie: r.cookie } : {}) };
            const res =
              r.method === "GET"
                ? await request.get(r.url, { headers, maxRedirects: 0 })
                : await request.post(r.url, { headers, form: r.form, maxRedirects: 0 });
            const body = await res.text();
            if (res.status() >= 500) problems.push(`${route.name} ${r.method} ${r.url.slice(0, 200)}: status ${res.status()}`);
            else if (STACK.test(body)) problems.push(`${route.name} ${r.url.slice(0, 200)}: a stack trace in the answer`);
          }),
        );
      }
    }
    const after = databaseDigest();
    const changed = Object.keys(before).filter((t) => before[t] !== after[t]);
    if (changed.length) problems.push(`the database changed (${changed.join(", ")})`);
    console.log(`fuzz: ${PAYLOADS} requests × ${all.length} routes, ${problems.length} problems`);
    expect(problems.slice(0, 20)).toEqual([]);
  });
});
