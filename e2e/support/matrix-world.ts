import type Database from "better-sqlite3";
import { createHash, randomBytes } from "node:crypto";
import { memberFor, sessionCookieFor, userFor, withDb } from "./db";

/** Who asks. `org` is the tenant the persona belongs to (none for the anonymous visitor). */
export type Persona = { key: string; email: string; org: Tenant | null; roles: string[] };
export type Tenant = "P" | "P2" | "P3" | "C" | "C2" | "O" | "A" | "PS" | "PX";

export const PARTNER_ROLES = ["account_admin", "admin_agent", "sales_agent", "billing_admin", "helpdesk_agent", "user_management_admin"];

export const OPERATOR_ROLES = ["operator_admin", "partner_manager", "operator_viewer"];

export const PERSONAS: Persona[] = [
  { key: "anonymous", email: "", org: null, roles: [] },
  ...PARTNER_ROLES.map((r) => ({ key: `partner ${r}`, email: `matrix-${r}@northwindcloud.com`, org: "P" as const, roles: [r] })),
  { key: "member of another partner", email: "matrix-other@fabrikam-experts.com", org: "P2", roles: ["account_admin", "admin_agent"] },
  { key: "customer Global administrator", email: "matrix-ga@adventure-works.com", org: "C", roles: ["global_admin"] },
  { key: "customer user", email: "matrix-user@adventure-works.com", org: "C", roles: ["user"] },
  { key: "member of another customer", email: "matrix-ga@fourthcoffee.com", org: "C2", roles: ["global_admin"] },
  {
    key: "partner whose relationship ended",
    email: "matrix-ended@ended-partner.example",
    org: "P3",
    roles: ["account_admin", "admin_agent"],
  },
  ...OPERATOR_ROLES.map((r) => ({ key: `operator ${r}`, email: `matrix-${r}@partner-program.example`, org: "O" as const, roles: [r] })),
  // Signed in, a member of nothing: someone applying to become a partner.
  { key: "applicant", email: "matrix-applicant@applicant-matrix.example", org: "A", roles: [] },
  {
    key: "suspended partner",
    email: "matrix-admin@suspended-partner.example",
    org: "PS",
    roles: ["account_admin", "admin_agent", "sales_agent"],
  },
  {
    key: "offboarded partner",
    email: "matrix-admin@offboarded-partner.example",
    org: "PX",
    roles: ["account_admin", "admin_agent", "sales_agent"],
  },
];

export type World = Record<Tenant, string> & {
  /** Each organization's current name by id: a rename to it is allowed or refused and changes nothing. */
  orgNames: Record<string, string>;
  /** A partner of C that exists only to be removed (and put back) by the matrix. */
  disposablePartner: string;
  litware: string;
  invitationP: string;
  invitationP2: string;
  relTerminatedPC: string;
  relOtherPartnerC: string;
  relTerminatedC2: string;
  groupP: string;
  groupP2: string;
  keyP: string;
  keyP2: string;
  webhookP: string;
  templateP: string;
  templateP2: string;
  webhookP2: string;
  deliveryP: string;
  deliveryP2: string;
  assignmentP: string;
  assignmentP2: string;
  dummyP: string;
  dummyC: string;
  userP2: string;
  userC2: string;
  memberInvP: string;
  memberInvC: string;
  memberInvP2: string;
  memberInvC2: string;
  openToken: string;
  openMemberToken: string;
  openPartnershipToken: string;
  partnershipP: string;
  partnershipOther: string;
  subscriptionC: string;
  subscriptionC2: string;
  supportC: string;
  supportC2: string;
  /** Operator objects in states where an authorized call fails after authorization. */
  decidedApplication: string;
  applicantApplication: string;
  otherApplication: string;
  productInUse: string;
  productRetired: string;
  productRetiredName: string;
  /** Cancelled subscriptions of C: one Northwind sold, one the customer recorded. */
  cancelledByP: string;
  cancelledByC: string;
  soldByP2: string;
  /** Each persona's Cookie header for its session. */
  sessions: Record<string, string>;
};

const hash = (t: string) => createHash("sha256").update(t).digest("hex");
const token = () => randomBytes(32).toString("base64url");
const now = () => Date.now();

/**
 * Arranges the matrix's world in the running server's database: personas with sessions,
 * and objects in known states, chosen so an authorized call fails after authorization
 * (already revoked, already terminated, …) and the matrix can run every cell without
 * changing what the next cell sees.
 */
export function buildWorld(): World {
  return withDb((db) => {
    const orgId = (domain: string) =>
      (db.prepare("select id from organizations where primary_domain = ?").get(domain) as { id: string }).id;
    const one = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as T;
    const run = (sql: string, ...args: unknown[]) => db.prepare(sql).run(...args);
    const P = orgId("northwindcloud.com");
    const P2 = orgId("fabrikam-experts.com");
    const C = orgId("adventure-works.com");
    const C2 = orgId("fourthcoffee.com");
    const litware = orgId("litware-solutions.com");
    const t = now();
    run(
      "insert or ignore into organizations (id, kind, name, cloud, country, primary_domain, partner_type, partner_public_id, is_csp_transaction_tenant, created_at) values ('org_matrix_p3', 'partner', 'Ended Partner Ltd', 'global', 'US', 'ended-partner.example', 'direct', '9999001', 1, ?)",
      t,
    );
    const P3 = "org_matrix_p3";
    run(
      "insert or ignore into organizations (id, kind, name, cloud, country, primary_domain, partner_type, partner_public_id, is_csp_transaction_tenant, created_at) values ('org_matrix_p4', 'partner', 'Disposable Partner Ltd', 'global', 'US', 'disposable-partner.example', 'direct', '9999002', 1, ?)",
      t,
    );
    run(
      "insert or ignore into reseller_relationships (id, partner_id, customer_id, state, created_at, customer_name, customer_domain) values ('rel_matrix_disposable', 'org_matrix_p4', ?, 'active', ?, 'Adventure Works Cycles', 'adventure-works.com')",
      C,
      t,
    );
    run(
      "insert or ignore into reseller_relationships (id, partner_id, customer_id, state, created_at, ended_at, customer_name, customer_domain) values ('rel_matrix_ended', ?, ?, 'ended', ?, ?, 'Adventure Works Cycles', 'adventure-works.com')",
      P3,
      C,
      t - 100 * 86_400_000,
      t - 86_400_000,
    );

    const O = one<{ id: string }>("select id from organizations where kind = 'operator'").id;
    const partnerIn = (id: string, name: string, domain: string, publicId: string, state: string) =>
      run(
        "insert or ignore into organizations (id, kind, name, cloud, country, primary_domain, partner_type, partner_public_id, is_csp_transaction_tenant, partner_state, created_at) values (?, 'partner', ?, 'global', 'US', ?, 'direct', ?, 1, ?, ?)",
        id,
        name,
        domain,
        publicId,
        state,
        t,
      );
    partnerIn("org_matrix_ps", "Suspended Partner Ltd", "suspended-partner.example", "9999004", "suspended");
    partnerIn("org_matrix_px", "Offboarded Partner Ltd", "offboarded-partner.example", "9999005", "offboarded");

    const member = (org: string, email: string, roles: string[]) => memberFor(db, org, email, roles);
    // The applicant's "tenant" is no organization at all: it matches nothing.
    const tenants: Record<Tenant, string> = { P, P2, P3, C, C2, O, A: "org_matrix_none", PS: "org_matrix_ps", PX: "org_matrix_px" };
    const sessions: Record<string, string> = {};
    for (const p of PERSONAS) {
      if (!p.org) continue;
      sessions[p.key] = sessionCookieFor(db, p.org === "A" ? userFor(db, p.email) : member(tenants[p.org], p.email, p.roles));
    }
    const applicant = userFor(db, PERSONAS.find((p) => p.org === "A")!.email);
    const application = (id: string, userId: string, email: string, domain: string, state: string) =>
      run(
        "insert or ignore into partner_applications (id, applicant_user_id, applicant_email, company_name, primary_domain, country, cloud, partner_type, agreement_version, locale, state, created_at) values (?, ?, ?, 'Matrix Applicant', ?, 'US', 'global', 'direct', '2026-10', 'en', ?, ?)",
        id,
        userId,
        email,
        domain,
        state,
        t,
      );
    application("app_matrix_withdrawn", applicant, "matrix-applicant@applicant-matrix.example", "applicant-matrix.example", "withdrawn");
    const product = (id: string, name: string, available: number) =>
      run(
        "insert or ignore into products (id, cloud, name, name_key, supportable, available, created_at) values (?, 'global', ?, ?, 1, ?, ?)",
        id,
        name,
        name.toLowerCase(),
        available,
        t,
      );
    product("prd_matrix_retired", "Matrix Retired Product", 0);
    const productInUse = one<{ id: string }>("select product_id as id from subscriptions where product_id is not null limit 1").id;
    const subscription = (id: string, customer: string, por: string | null, state: string) =>
      run(
        "insert or ignore into subscriptions (id, customer_id, product, seats, state, purchase_channel, partner_of_record_id, term_ends_at, created_at) values (?, ?, 'Matrix Product', 5, ?, ?, ?, ?, ?)",
        id,
        customer,
        state,
        por ? "partner" : "direct",
        por,
        t + 365 * 86_400_000,
        t,
      );
    subscription("sub_matrix_cancelled_p", C, P, "cancelled");
    subscription("sub_matrix_cancelled_c", C, null, "cancelled");

    const adminRel = (id: string, partner: string, customer: string, state: string) =>
      run(
        "insert or ignore into admin_relationships (id, partner_id, customer_id, name, name_key, roles, duration_days, auto_extend, state, created_by_user_id, created_at, requested_at, ended_at) values (?, ?, ?, ?, ?, '[\"global_reader\"]', 30, 0, ?, (select id from users limit 1), ?, ?, ?)",
        id,
        partner,
        customer,
        id,
        id,
        state,
        t,
        t,
        t,
      );
    adminRel("gdap_matrix_pc", P, C, "terminated");
    adminRel("gdap_matrix_c2", litware, C2, "terminated");
    const relOtherPartnerC = one<{ id: string }>(
      "select id from admin_relationships where partner_id = ? and customer_id = ? and state = 'approvalPending'",
      P2,
      C,
    ).id;
    const group = (org: string) =>
      one<{ id: string }>("select id from security_groups where partner_id = ? and name_key = 'admin agents'", org).id;
    const assignment = (id: string, org: string, rel: string) =>
      run(
        "insert or ignore into access_assignments (id, partner_id, admin_relationship_id, group_id, roles, state, created_at, deleted_at) values (?, ?, ?, ?, '[\"global_reader\"]', 'deleted', ?, ?)",
        id,
        org,
        rel,
        group(org),
        t,
        t,
      );
    adminRel("gdap_matrix_p2c", P2, C, "terminated");
    assignment("asg_matrix_p", P, "gdap_matrix_pc");
    assignment("asg_matrix_p2", P2, "gdap_matrix_p2c");
    const memberInv = (id: string, org: string, role: string) =>
      run(
        "insert or ignore into member_invitations (id, organization_id, email, roles, locale, token_hash, state, created_by_user_id, created_at, expires_at) values (?, ?, ?, ?, 'en', ?, 'revoked', (select id from users limit 1), ?, ?)",
        id,
        org,
        `${id}@example.org`,
        JSON.stringify([role]),
        hash(id),
        t,
        t + 86_400_000,
      );
    memberInv("minv_matrix_p", P, "sales_agent");
    memberInv("minv_matrix_c", C, "user");
    memberInv("minv_matrix_p2", P2, "sales_agent");
    memberInv("minv_matrix_c2", C2, "user");

    const openToken = token();
    run(
      "insert into invitations (id, partner_id, email, locale, token_hash, state, send_count, created_by_user_id, created_at, last_sent_at, expires_at) values (?, ?, 'nobody-matrix@example.org', 'en', ?, 'sent', 1, (select id from users limit 1), ?, ?, ?)",
      `inv_matrix_${t}`,
      P,
      hash(openToken),
      t,
      t,
      t + 86_400_000,
    );
    const openMemberToken = token();
    run(
      "insert into member_invitations (id, organization_id, email, roles, locale, token_hash, state, created_by_user_id, created_at, expires_at) values (?, ?, 'nobody-matrix@example.org', '[\"sales_agent\"]', 'en', ?, 'sent', (select id from users limit 1), ?, ?)",
      `minv_matrix_open_${t}`,
      P,
      hash(openMemberToken),
      t,
      t + 86_400_000,
    );

    // Two-tier and support objects in states where an authorized call fails after authorization.
    run(
      "insert or ignore into organizations (id, kind, name, cloud, country, primary_domain, partner_type, partner_public_id, is_csp_transaction_tenant, created_at) values ('org_matrix_reseller', 'partner', 'Matrix Reseller Ltd', 'global', 'US', 'matrix-reseller.example', 'indirect_reseller', '9999003', 1, ?)",
      t,
    );
    const contoso = orgId("contoso-distribution.com");
    const partnership = (id: string, provider: string, state: string, tokenHash: string) =>
      run(
        "insert or ignore into partnerships (id, provider_id, reseller_id, email, locale, token_hash, state, created_by_user_id, created_at, expires_at) values (?, ?, 'org_matrix_reseller', 'nobody-matrix@example.org', 'en', ?, ?, (select id from users limit 1), ?, ?)",
        id,
        provider,
        tokenHash,
        state,
        t,
        t + 86_400_000,
      );
    partnership("ptn_matrix_p", P, "revoked", hash("ptn_matrix_p"));
    const openPartnershipToken = token();
    run("delete from partnerships where id = 'ptn_matrix_open'");
    partnership("ptn_matrix_open", contoso, "invited", hash(openPartnershipToken));
    const partnershipOther = one<{ id: string }>(
      "select id from partnerships where provider_id = ? and state = 'active' limit 1",
      contoso,
    ).id;
    const subscriptionC = one<{ id: string }>(
      "select id from subscriptions where customer_id = ? and purchase_channel = 'enterprise_agreement' limit 1",
      C,
    ).id;
    const subscriptionC2 = one<{ id: string }>("select id from subscriptions where customer_id = ? limit 1", C2).id;
    const support = (id: string, customer: string, subscription: string, partner: string) =>
      run(
        "insert or ignore into support_assignments (id, customer_id, subscription_id, partner_id, state, assigned_by_user_id, created_at, ended_at) values (?, ?, ?, ?, 'ended', (select id from users limit 1), ?, ?)",
        id,
        customer,
        subscription,
        partner,
        t,
        t,
      );
    support("sup_matrix_c", C, subscriptionC, P);
    support("sup_matrix_c2", C2, subscriptionC2, litware);
    // An API key of each partner, made by one of its members: for revoking, once.
    const apiKey = (id: string, organization: string) =>
      run(
        "insert or ignore into api_keys (id, organization_id, name, prefix, secret_hash, scopes, created_by_user_id, created_at, expires_at) values (?, ?, 'Matrix key', 'prc_matrix', ?, '[\"invitations.read\"]', (select user_id from memberships where organization_id = ? limit 1), ?, ?)",
        id,
        organization,
        `matrix-hash-${id}`,
        organization,
        t,
        t + 365 * 86_400_000,
      );
    apiKey("key_matrix_p", P);
    apiKey("key_matrix_p2", P2);
    matrixWebhooks(db, P, P2, t);
    matrixTemplates(db, P, P2, t);

    return {
      ...tenants,
      orgNames: Object.fromEntries(
        (db.prepare("select id, name from organizations where id in (?, ?, ?, ?)").all(P, P2, C, C2) as { id: string; name: string }[]).map(
          (o) => [o.id, o.name],
        ),
      ),
      openPartnershipToken,
      partnershipP: "ptn_matrix_p",
      partnershipOther,
      subscriptionC,
      subscriptionC2,
      decidedApplication: "app_matrix_withdrawn",
      applicantApplication: "app_matrix_withdrawn",
      otherApplication: one<{ id: string }>(
        "select id from partner_applications where applicant_email <> 'matrix-applicant@applicant-matrix.example' limit 1",
      ).id,
      productInUse,
      productRetired: "prd_matrix_retired",
      productRetiredName: "Matrix Retired Product",
      cancelledByP: "sub_matrix_cancelled_p",
      cancelledByC: "sub_matrix_cancelled_c",
      soldByP2: one<{ id: string }>("select id from subscriptions where customer_id = ? and partner_of_record_id = ? limit 1", C, P2).id,
      supportC: "sup_matrix_c",
      supportC2: "sup_matrix_c2",
      disposablePartner: "org_matrix_p4",
      litware,
      invitationP: one<{ id: string }>("select id from invitations where partner_id = ? and state = 'accepted' limit 1", P).id,
      invitationP2: one<{ id: string }>("select id from invitations where partner_id = ? and state = 'accepted' limit 1", P2).id,
      relTerminatedPC: "gdap_matrix_pc",
      relOtherPartnerC,
      relTerminatedC2: "gdap_matrix_c2",
      groupP: group(P),
      groupP2: group(P2),
      keyP: "key_matrix_p",
      keyP2: "key_matrix_p2",
      webhookP: "whe_matrix_p",
      templateP: "tpl_matrix_p",
      templateP2: "tpl_matrix_p2",
      webhookP2: "whe_matrix_p2",
      deliveryP: "msg_matrix_p",
      deliveryP2: "msg_matrix_p2",
      assignmentP: "asg_matrix_p",
      assignmentP2: "asg_matrix_p2",
      dummyP: member(P, "matrix-dummy@northwindcloud.com", ["sales_agent"]),
      dummyC: member(C, "matrix-dummy@adventure-works.com", ["user"]),
      userP2: one<{ id: string }>("select user_id as id from memberships where organization_id = ? limit 1", P2).id,
      userC2: one<{ id: string }>("select user_id as id from memberships where organization_id = ? limit 1", C2).id,
      memberInvP: "minv_matrix_p",
      memberInvC: "minv_matrix_c",
      memberInvP2: "minv_matrix_p2",
      memberInvC2: "minv_matrix_c2",
      openToken,
      openMemberToken,
      sessions,
    };
  });
}

/** Puts back what an allowed call may have removed, so every cell starts from the same world. */
/**
 * A webhook endpoint of each partner with one failed delivery, put back before every cell (a
 * cell may delete or change them). They point at a closed port on loopback: nothing listens.
 */
function matrixWebhooks(db: Database.Database, P: string, P2: string, t: number): void {
  for (const [org, suffix] of [
    [P, "p"],
    [P2, "p2"],
  ] as const) {
    db.prepare(
      "insert or replace into webhook_endpoints (id, organization_id, url, event_types, secret, created_by_user_id, created_at, updated_at) values (?, ?, 'http://127.0.0.1:9/matrix', '[\"invitation-sent\"]', 'whsec_bWF0cml4LXNlY3JldA==', (select user_id from memberships where organization_id = ? limit 1), ?, ?)",
    ).run(`whe_matrix_${suffix}`, org, org, t, t);
    db.prepare(
      "insert or replace into webhook_deliveries (id, endpoint_id, organization_id, event_type, body, state, attempts, next_attempt_at, created_at) values (?, ?, ?, 'invitation-sent', '{}', 'failed', 8, ?, ?)",
    ).run(`msg_matrix_${suffix}`, `whe_matrix_${suffix}`, org, t, t);
  }
}

/** A template of each partner, at version 1 and not deleted, put back before every cell (a cell may change or delete it). */
function matrixTemplates(db: Database.Database, P: string, P2: string, t: number): void {
  for (const [org, suffix] of [
    [P, "p"],
    [P2, "p2"],
  ] as const) {
    db.prepare(
      "insert into admin_templates (id, partner_id, name, name_key, version, created_at, updated_at) values (?, ?, ?, ?, 1, ?, ?) on conflict(id) do update set name = excluded.name, name_key = excluded.name_key, version = 1, deleted_at = null",
    ).run(`tpl_matrix_${suffix}`, org, `Matrix ${suffix}`, `matrix ${suffix}`, t, t);
    db.prepare("delete from admin_template_versions where template_id = ? and version > 1").run(`tpl_matrix_${suffix}`);
    db.prepare(
      "insert or ignore into admin_template_versions (id, template_id, version, roles, duration_days, auto_extend, group_roles, created_by_user_id, created_at) values (?, ?, 1, '[\"global_reader\"]', 30, 0, '[]', (select user_id from memberships where organization_id = ? limit 1), ?)",
    ).run(`tpv_matrix_${suffix}`, `tpl_matrix_${suffix}`, org, t);
  }
}

export function restoreWorld(w: World): void {
  withDb((db) => {
    const t = now();
    db.prepare(
      "insert or ignore into memberships (id, organization_id, user_id, roles, created_at) values (?, ?, ?, '[\"sales_agent\"]', ?)",
    ).run(`mem_dummy_p_${t}`, w.P, w.dummyP, t);
    db.prepare("insert or ignore into memberships (id, organization_id, user_id, roles, created_at) values (?, ?, ?, '[\"user\"]', ?)").run(
      `mem_dummy_c_${t}`,
      w.C,
      w.dummyC,
      t,
    );
    db.prepare("update reseller_relationships set state = 'active', ended_at = null where id = 'rel_matrix_disposable'").run();
    matrixWebhooks(db, w.P, w.P2, t);
    matrixTemplates(db, w.P, w.P2, t);
    db.prepare("insert or ignore into security_group_members (partner_id, group_id, user_id, created_at) values (?, ?, ?, ?)").run(
      w.P,
      w.groupP,
      w.dummyP,
      t,
    );
  });
}
