import { createHash, randomBytes } from "node:crypto";
import { memberFor, sessionCookieFor, userFor, withDb } from "./db";

/*
 * The matrix's standing dimension: partners out of standing on every side of an operation
 * (the one that sent it, the provider it names, the reseller it goes to, the organization it
 * joins), and the people who would answer or send it while they are. Arranged in the running
 * server's database as the world would be if nothing had cleaned up after the suspension or
 * the offboarding: an invitation still open, a partnership still active. What refuses is then
 * the check when the operation takes effect.
 */

export type Standing = "suspended" | "offboarded";
export const STANDINGS: Standing[] = ["suspended", "offboarded"];

type PerStanding<T> = Record<Standing, T>;

export type StandingWorld = {
  customer: string;
  /** Direct partners out of standing (the matrix's own), and indirect providers and resellers out of standing. */
  partner: PerStanding<string>;
  provider: PerStanding<string>;
  resellerPublicId: PerStanding<string>;
  /** A reseller in good standing with an active partnership with each provider out of standing, and the invitations it sent naming them. */
  goodReseller: string;
  /** A provider in good standing (the seed's Contoso). */
  goodProvider: string;
  namingInvitation: PerStanding<string>;
  /** Tokens to answer, each addressed to the cookie's person. */
  fromPartner: PerStanding<string>;
  namingProvider: PerStanding<string>;
  fromProvider: PerStanding<string>;
  toReseller: PerStanding<string>;
  joinPartner: PerStanding<string>;
  request: PerStanding<string>;
  /** Sessions (Cookie headers). */
  cookies: {
    customerAdmin: string;
    goodReseller: string;
    otherReseller: string;
    goodProvider: string;
    joiner: string;
    reseller: PerStanding<string>;
    partner: PerStanding<string>;
  };
};

const hash = (t: string) => createHash("sha256").update(t).digest("hex");
const token = () => randomBytes(32).toString("base64url");

export function buildStandingWorld(): StandingWorld {
  return withDb((db) => {
    const run = (sql: string, ...args: unknown[]) => db.prepare(sql).run(...args);
    const orgId = (domain: string) =>
      (db.prepare("select id from organizations where primary_domain = ?").get(domain) as { id: string }).id;
    const t = Date.now();
    const organization = (id: string, name: string, type: string, publicId: string, state: string) =>
      run(
        "insert or ignore into organizations (id, kind, name, cloud, country, primary_domain, partner_type, partner_public_id, is_csp_transaction_tenant, partner_state, created_at) values (?, 'partner', ?, 'global', 'US', ?, ?, ?, 1, ?, ?)",
        id,
        name,
        `${id.replace(/_/g, "-")}.example`,
        type,
        publicId,
        state,
        t,
      );
    const customer = orgId("adventure-works.com");
    const contoso = orgId("contoso-distribution.com");
    const partner = { suspended: "org_std_ps", offboarded: "org_std_px" };
    const provider = { suspended: "org_std_ps_prov", offboarded: "org_std_px_prov" };
    const reseller = { suspended: "org_std_ps_res", offboarded: "org_std_px_res" };
    const resellerPublicId = { suspended: "9999011", offboarded: "9999012" };
    for (const s of STANDINGS) {
      organization(partner[s], `Standing ${s} Partner Ltd`, "direct", s === "suspended" ? "9999015" : "9999016", s);
      organization(provider[s], `Standing ${s} Provider Ltd`, "indirect_provider", s === "suspended" ? "9999017" : "9999018", s);
      organization(reseller[s], `Standing ${s} Reseller Ltd`, "indirect_reseller", resellerPublicId[s], s);
    }
    const goodReseller = "org_std_res";
    const otherReseller = "org_std_res2";
    organization(goodReseller, "Standing Good Reseller Ltd", "indirect_reseller", "9999013", "active");
    organization(otherReseller, "Standing Other Reseller Ltd", "indirect_reseller", "9999014", "active");

    const session = (org: string | null, email: string, roles: string[]) =>
      sessionCookieFor(db, org ? memberFor(db, org, email, roles) : userFor(db, email));
    const customerAdminEmail = "std-ga@adventure-works.com";
    const joinerEmail = "std-joiner@joiner.example";
    const emails = {
      goodReseller: "std-admin@standing-good-reseller.example",
      otherReseller: "std-admin@standing-other-reseller.example",
      reseller: {
        suspended: "std-admin@standing-suspended-reseller.example",
        offboarded: "std-admin@standing-offboarded-reseller.example",
      },
    };
    const cookies = {
      customerAdmin: session(customer, customerAdminEmail, ["global_admin"]),
      goodReseller: session(goodReseller, emails.goodReseller, ["account_admin", "sales_agent"]),
      otherReseller: session(otherReseller, emails.otherReseller, ["account_admin"]),
      goodProvider: session(contoso, "std-admin@contoso-distribution.com", ["account_admin"]),
      joiner: session(null, joinerEmail, []),
      reseller: {
        suspended: session(reseller.suspended, emails.reseller.suspended, ["account_admin"]),
        offboarded: session(reseller.offboarded, emails.reseller.offboarded, ["account_admin"]),
      },
      partner: {
        suspended: session(partner.suspended, "std-admin@standing-suspended-partner.example", ["account_admin"]),
        offboarded: session(partner.offboarded, "std-admin@standing-offboarded-partner.example", ["account_admin"]),
      },
    };
    const someone = userFor(db, "std-sender@standing.example");

    const invitation = (partnerId: string, providerId: string | null) => {
      const raw = token();
      const id = `inv_std_${randomBytes(6).toString("hex")}`;
      run(
        "insert into invitations (id, partner_id, provider_id, email, locale, token_hash, state, send_count, created_by_user_id, created_at, last_sent_at, expires_at) values (?, ?, ?, ?, 'en', ?, 'sent', 1, ?, ?, ?, ?)",
        id,
        partnerId,
        providerId,
        customerAdminEmail,
        hash(raw),
        someone,
        t,
        t,
        t + 86_400_000,
      );
      return { id, token: raw };
    };
    const partnership = (providerId: string, resellerId: string, email: string, state: "invited" | "active") => {
      const raw = token();
      run(
        "insert or ignore into partnerships (id, provider_id, reseller_id, email, locale, token_hash, state, created_by_user_id, created_at, expires_at) values (?, ?, ?, ?, 'en', ?, ?, ?, ?, ?)",
        `ptn_std_${randomBytes(6).toString("hex")}`,
        providerId,
        resellerId,
        email,
        hash(raw),
        state,
        someone,
        t,
        t + 86_400_000,
      );
      return raw;
    };
    const teamInvitation = (organizationId: string) => {
      const raw = token();
      run(
        "insert into member_invitations (id, organization_id, email, roles, locale, token_hash, state, created_by_user_id, created_at, expires_at) values (?, ?, ?, '[\"sales_agent\"]', 'en', ?, 'sent', ?, ?, ?)",
        `minv_std_${randomBytes(6).toString("hex")}`,
        organizationId,
        joinerEmail,
        hash(raw),
        // The inviter is the partner's own Account admin, so only the standing can refuse it.
        db.prepare("select user_id as id from memberships where organization_id = ?").pluck().get(organizationId),
        t,
        t + 86_400_000,
      );
      return raw;
    };
    const request = (partnerId: string) => {
      const id = `gdap_std_${randomBytes(6).toString("hex")}`;
      run(
        "insert into admin_relationships (id, partner_id, customer_id, name, name_key, roles, duration_days, auto_extend, state, created_by_user_id, created_at, requested_at) values (?, ?, ?, ?, ?, '[\"global_reader\"]', 30, 0, 'approvalPending', ?, ?, ?)",
        id,
        partnerId,
        customer,
        id,
        id,
        someone,
        t,
        t,
      );
      return id;
    };

    const per = <T>(fn: (s: Standing) => T): PerStanding<T> => ({ suspended: fn("suspended"), offboarded: fn("offboarded") });
    // The good reseller still has its partnerships with both providers (nothing cleaned them up).
    for (const s of STANDINGS) partnership(provider[s], goodReseller, emails.goodReseller, "active");
    const naming = per((s) => invitation(goodReseller, provider[s]));
    return {
      customer,
      partner,
      provider,
      resellerPublicId,
      goodReseller,
      goodProvider: contoso,
      namingInvitation: per((s) => naming[s].id),
      fromPartner: per((s) => invitation(partner[s], null).token),
      namingProvider: per((s) => naming[s].token),
      fromProvider: per((s) => partnership(provider[s], otherReseller, emails.otherReseller, "invited")),
      toReseller: per((s) => partnership(contoso, reseller[s], emails.reseller[s], "invited")),
      joinPartner: per((s) => teamInvitation(partner[s])),
      request: per((s) => request(partner[s])),
      cookies,
    };
  });
}

/** What an answer or a send out of standing must leave as it was: every row that gives or reaches anyone. */
export function standingFingerprint(): string {
  return withDb((db) =>
    [
      "select count(*) from reseller_relationships where state = 'active'",
      "select count(*) from partnerships where state = 'active'",
      "select count(*) from memberships",
      "select count(*) from admin_relationships where state in ('active', 'expiring')",
      "select count(*) from invitations",
      "select count(*) from member_invitations",
      "select count(*) from partnerships",
      "select count(*) from email_outbox",
      "select coalesce(sum(send_count), 0) from invitations",
    ]
      .map((sql) => String(db.prepare(sql).pluck().get()))
      .join(","),
  );
}
