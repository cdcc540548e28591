import { memberFor, sessionCookieFor, withDb } from "./db";

/*
 * The world of the boundaries matrix (e2e/authorization-boundaries.spec.ts): people of one
 * partner, one customer and the operator, each holding one role, a colleague per
 * organization to act on, a group that holds customer roles, and partners whose relationship
 * with the customer has ended or is about to be removed. Apart from the main matrix's world,
 * so the two can run in any order.
 */

export type Kind = "partner" | "customer" | "operator";
export type Person = { key: string; kind: Kind; role: string; userId: string; cookie: string };

export const ROLES: Record<Kind, string[]> = {
  partner: ["account_admin", "admin_agent", "sales_agent", "billing_admin", "helpdesk_agent", "user_management_admin"],
  customer: ["global_admin", "billing_administrator", "user"],
  operator: ["operator_admin", "partner_manager", "operator_viewer"],
};
/** Each colleague's starting role, put back before every cell. */
export const COLLEAGUE_ROLE: Record<Kind, string> = { partner: "sales_agent", customer: "user", operator: "operator_viewer" };

export type BoundariesWorld = {
  org: Record<Kind, string>;
  people: Person[];
  colleague: Record<Kind, string>;
  /** A group of the partner holding roles in the customer's tenant through an access assignment in force. */
  privilegedGroup: string;
  activeAdminRelationship: string;
  terminatedAdminRelationship: string;
  expiredAdminRelationship: string;
  /** A partner whose reseller relationship with the customer had ended, and its Account admin and Admin agent. */
  ended: { partner: string; cookie: string };
  /** A partner the test removes through the customer's own page action; its member's session. */
  removed: { partner: string; cookie: string };
  /** A person of the partner whose membership was removed; the session lives on. */
  removedMember: string;
  offeredProduct: string;
  /** What an ended relationship must never show: the customer's live subscriptions, other partners and people. */
  liveDataOfCustomer: string[];
};

export function buildBoundariesWorld(): BoundariesWorld {
  return withDb((db) => {
    const t = Date.now();
    const one = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as T;
    const run = (sql: string, ...args: unknown[]) => db.prepare(sql).run(...args);
    const orgId = (domain: string) => one<{ id: string }>("select id from organizations where primary_domain = ?", domain).id;
    const org = {
      partner: orgId("northwindcloud.com"),
      customer: orgId("adventure-works.com"),
      operator: one<{ id: string }>("select id from organizations where kind = 'operator'").id,
    };
    const domains: Record<Kind, string> = {
      partner: "northwindcloud.com",
      customer: "adventure-works.com",
      operator: "partner-program.example",
    };

    const people: Person[] = (Object.keys(ROLES) as Kind[]).flatMap((kind) =>
      ROLES[kind].map((role) => {
        const userId = memberFor(db, org[kind], `bnd-${role.replace(/_/g, "-")}@${domains[kind]}`, [role]);
        return { key: `${kind} ${role}`, kind, role, userId, cookie: sessionCookieFor(db, userId) };
      }),
    );
    const colleague = Object.fromEntries(
      (Object.keys(ROLES) as Kind[]).map((kind) => [
        kind,
        memberFor(db, org[kind], `bnd-colleague@${domains[kind]}`, [COLLEAGUE_ROLE[kind]]),
      ]),
    ) as Record<Kind, string>;

    const adminRel = (id: string, partner: string, state: string, roles: string[]) =>
      run(
        "insert or ignore into admin_relationships (id, partner_id, customer_id, name, name_key, roles, duration_days, auto_extend, state, created_by_user_id, created_at, requested_at, activated_at, ends_at, ended_at) values (?, ?, ?, ?, ?, ?, 30, 0, ?, (select id from users limit 1), ?, ?, ?, ?, ?)",
        id,
        partner,
        org.customer,
        id,
        id,
        JSON.stringify(roles),
        state,
        t - 40 * 86_400_000,
        t - 40 * 86_400_000,
        t - 40 * 86_400_000,
        state === "active" ? t + 30 * 86_400_000 : t - 10 * 86_400_000,
        state === "active" ? null : t - 10 * 86_400_000,
      );
    adminRel("gdap_bnd_active", org.partner, "active", ["teams_administrator"]);
    adminRel("gdap_bnd_terminated", org.partner, "terminated", ["exchange_administrator"]);
    adminRel("gdap_bnd_expired", org.partner, "expired", ["sharepoint_administrator"]);
    run(
      "insert or ignore into security_groups (id, partner_id, name, name_key, created_at) values ('grp_bnd_privileged', ?, 'Boundary Privileged', 'boundary privileged', ?)",
      org.partner,
      t,
    );
    run(
      "insert or ignore into access_assignments (id, partner_id, admin_relationship_id, group_id, roles, state, created_at) values ('asg_bnd_active', ?, 'gdap_bnd_active', 'grp_bnd_privileged', '[\"teams_administrator\"]', 'active', ?)",
      org.partner,
      t,
    );

    const partner = (id: string, name: string, domain: string, publicId: string, relState: "active" | "ended") => {
      run(
        "insert or ignore into organizations (id, kind, name, cloud, country, primary_domain, partner_type, partner_public_id, is_csp_transaction_tenant, created_at) values (?, 'partner', ?, 'global', 'US', ?, 'direct', ?, 1, ?)",
        id,
        name,
        domain,
        publicId,
        t,
      );
      run("delete from reseller_relationships where partner_id = ?", id);
      run(
        "insert into reseller_relationships (id, partner_id, customer_id, state, created_at, ended_at, customer_name, customer_domain) values (?, ?, ?, ?, ?, ?, 'Adventure Works Cycles', 'adventure-works.com')",
        `rel_${id}`,
        id,
        org.customer,
        relState,
        t - 100 * 86_400_000,
        relState === "ended" ? t - 86_400_000 : null,
      );
      return {
        partner: id,
        cookie: sessionCookieFor(db, memberFor(db, id, `admin@${domain}`, ["account_admin", "admin_agent", "sales_agent"])),
      };
    };
    const ended = partner("org_bnd_ended", "Boundary Ended Ltd", "boundary-ended.example", "9999101", "ended");
    const removed = partner("org_bnd_removed", "Boundary Removed Ltd", "boundary-removed.example", "9999102", "active");

    const removedUser = memberFor(db, org.partner, "bnd-removed@northwindcloud.com", ["account_admin", "admin_agent"]);
    const removedMember = sessionCookieFor(db, removedUser);
    run("delete from memberships where organization_id = ? and user_id = ?", org.partner, removedUser);

    const liveDataOfCustomer = [
      ...(
        db.prepare("select distinct product as v from subscriptions where customer_id = ? and state <> 'cancelled'").all(org.customer) as {
          v: string;
        }[]
      ).map((r) => r.v),
      ...(
        db
          .prepare(
            "select o.name as v from reseller_relationships r join organizations o on o.id = r.partner_id where r.customer_id = ? and r.state = 'active' and o.id not like 'org_bnd_%'",
          )
          .all(org.customer) as { v: string }[]
      ).map((r) => r.v),
      ...(
        db
          .prepare(
            "select u.email as v from memberships m join users u on u.id = m.user_id where m.organization_id = ? and u.email not like 'bnd-%'",
          )
          .all(org.customer) as { v: string }[]
      ).map((r) => r.v),
    ];
    return {
      org,
      people,
      colleague,
      privilegedGroup: "grp_bnd_privileged",
      activeAdminRelationship: "gdap_bnd_active",
      terminatedAdminRelationship: "gdap_bnd_terminated",
      expiredAdminRelationship: "gdap_bnd_expired",
      ended,
      removed,
      removedMember,
      liveDataOfCustomer,
      offeredProduct: one<{ id: string }>("select id from products where cloud = 'global' and available = 1 limit 1").id,
    };
  });
}

/** Before each cell: colleagues back to their role, out of the privileged group. */
export function resetColleagues(w: BoundariesWorld): void {
  withDb((db) => {
    for (const kind of Object.keys(ROLES) as Kind[]) {
      db.prepare("update memberships set roles = ? where organization_id = ? and user_id = ?").run(
        JSON.stringify([COLLEAGUE_ROLE[kind]]),
        w.org[kind],
        w.colleague[kind],
      );
    }
    db.prepare("delete from security_group_members where group_id = ?").run(w.privilegedGroup);
  });
}
