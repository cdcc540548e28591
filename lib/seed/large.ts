import type Database from "better-sqlite3";
import { createHash } from "node:crypto";
import type { DirectoryRoleId } from "@/db/values/directory-roles";
import type { AdminRelationshipState } from "@/db/values/admin-relationships";
import { AUDIT_ACTIONS } from "@/db/values/audit";
import type { Cloud, PartnerType } from "@/db/values/organizations";

/**
 * A large distributor's world, deterministic from one seed: 200 partners across clouds,
 * 10,000 customers, 100,000 reseller and admin relationships in every lifecycle state,
 * 50,000 subscriptions and 1,000,000 activity events (at `scale` 1). One partner, the
 * "bench" partner, is big: half of all customers (5,000) and a fifth of all activity.
 *
 * Rows go in through prepared statements in large transactions: the generator is data
 * loading, not product behaviour, so it skips the services (and their emails) on purpose.
 */
export const BENCH_PARTNER_ID = "org_L0000000";
export const BENCH_ADMIN_EMAIL = "bench.admin@contoso-large.example";
export const BENCH_CUSTOMER_ID = "org_C0000000";

const DAY = 86_400_000;
const STATES: AdminRelationshipState[] = [
  "active",
  "active",
  "active",
  "expiring",
  "expired",
  "terminated",
  "approvalPending",
  "rejected",
  "lapsed",
  "terminationRequested",
];
const ROLE_SETS: DirectoryRoleId[][] = [
  ["global_reader"],
  ["helpdesk_administrator", "user_administrator"],
  ["security_reader", "security_administrator"],
  ["license_administrator"],
  ["global_administrator"],
];
const PRODUCTS = [
  "Microsoft 365 Business Premium",
  "Microsoft 365 E3",
  "Microsoft 365 E5",
  "Office 365 E1",
  "Azure plan",
  "Dynamics 365 Sales",
  "Power BI Pro",
  "Defender for Endpoint P2",
];
const WORDS = [
  "Alpine",
  "Blue",
  "Coho",
  "Datum",
  "Contoso",
  "Fabrikam",
  "Fourth",
  "Graphic",
  "Humongous",
  "Litware",
  "Lucerne",
  "Margie",
  "Northwind",
  "Proseware",
  "Relecloud",
  "Southridge",
  "Tailspin",
  "Trey",
  "Wide World",
  "Wingtip",
  "Woodgrove",
  "Adatum",
  "Bellows",
  "Consolidated",
];
const SUFFIXES = [
  "Airlines",
  "Bank",
  "Cycles",
  "Design",
  "Energy",
  "Foods",
  "Health",
  "Insurance",
  "Labs",
  "Logistics",
  "Media",
  "Motors",
  "Partners",
  "Retail",
  "Studios",
  "Systems",
  "Traders",
  "Travel",
  "Winery",
  "Works",
];

/** mulberry32: a tiny seeded generator, so every run builds the same world. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(7, "0");
const cloudOf = (r: number): Cloud => (r < 0.85 ? "global" : r < 0.9 ? "usgov" : r < 0.95 ? "germany" : "china");

export type LargeSeedCounts = Record<string, number>;

export function seedLarge(sqlite: Database.Database, opts: { scale?: number; now?: Date } = {}): LargeSeedCounts {
  const scale = opts.scale ?? 1;
  const now = (opts.now ?? new Date("2026-11-21T09:00:00Z")).getTime();
  const random = rng(20261121);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const n = (full: number) => Math.max(1, Math.round(full * scale));
  const PARTNERS = Math.max(10, n(200));
  const CUSTOMERS = n(10_000);
  const RESELLER_RELATIONSHIPS = n(50_000);
  const ADMIN_RELATIONSHIPS = n(50_000);
  const SUBSCRIPTIONS = n(50_000);
  const INVITATIONS = n(30_000);
  const AUDIT = n(1_000_000);

  const insert = {
    org: sqlite.prepare(
      "insert into organizations (id, kind, name, cloud, country, primary_domain, partner_type, partner_public_id, is_csp_transaction_tenant, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    ),
    user: sqlite.prepare("insert into users (id, email, name, email_verified, locale, created_at) values (?, ?, ?, ?, 'en', ?)"),
    member: sqlite.prepare("insert into memberships (id, organization_id, user_id, roles, created_at) values (?, ?, ?, ?, ?)"),
    group: sqlite.prepare("insert into security_groups (id, partner_id, name, name_key, created_at) values (?, ?, ?, ?, ?)"),
    rel: sqlite.prepare(
      "insert into reseller_relationships (id, partner_id, customer_id, state, created_at, ended_at, customer_name, customer_domain) values (?, ?, ?, ?, ?, ?, ?, ?)",
    ),
    admin: sqlite.prepare(
      "insert into admin_relationships (id, partner_id, customer_id, name, name_key, roles, duration_days, auto_extend, state, created_by_user_id, created_at, requested_at, activated_at, ends_at, ended_at) values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)",
    ),
    sub: sqlite.prepare(
      "insert into subscriptions (id, customer_id, product, seats, state, purchase_channel, partner_of_record_id, term_ends_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    ),
    inv: sqlite.prepare(
      "insert into invitations (id, partner_id, email, locale, token_hash, state, send_count, created_by_user_id, created_at, last_sent_at, expires_at, customer_id) values (?, ?, ?, 'en', ?, ?, 1, ?, ?, ?, ?, ?)",
    ),
    audit: sqlite.prepare(
      "insert into audit_events (organization_id, customer_id, actor_user_id, actor_email, action, target_type, target_id, details, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    ),
  };

  type Org = { id: string; name: string; cloud: Cloud; admin: string; adminEmail: string };
  const partners: (Org & { type: PartnerType })[] = [];
  const customers: (Org & { domain: string })[] = [];
  const byCloud = new Map<Cloud, (Org & { type: PartnerType })[]>();

  sqlite.transaction(() => {
    for (let i = 0; i < PARTNERS; i++) {
      const bench = i === 0;
      const type: PartnerType = bench
        ? "indirect_provider"
        : i % 10 < 6
          ? "direct"
          : i % 10 < 7
            ? "indirect_provider"
            : "indirect_reseller";
      const cloud = bench ? "global" : cloudOf(random());
      const id = `org_L${pad(i)}`;
      const name = bench ? "Contoso Distribution (large)" : `${pick(WORDS)} ${pick(SUFFIXES)} Partner ${i}`;
      const domain = bench ? "contoso-large.example" : `partner${i}.example`;
      insert.org.run(id, "partner", name, cloud, "US", domain, type, String(5_000_000 + i), 1, now - 2000 * DAY);
      const admin = `usr_L${pad(i)}`;
      const adminEmail = bench ? BENCH_ADMIN_EMAIL : `admin@${domain}`;
      insert.user.run(admin, adminEmail, `Admin ${i}`, now, now);
      insert.member.run(`mem_L${pad(i)}`, id, admin, JSON.stringify(["account_admin", "admin_agent"]), now);
      insert.group.run(`grp_L${pad(i)}`, id, "Admin Agents", "admin agents", now);
      const p = { id, name, cloud, type, admin, adminEmail };
      partners.push(p);
      byCloud.set(cloud, [...(byCloud.get(cloud) ?? []), p]);
    }
    for (let i = 0; i < CUSTOMERS; i++) {
      const id = `org_C${pad(i)}`;
      // Every other customer is global and the bench partner's: half of all customers.
      const cloud = i % 2 === 0 ? "global" : cloudOf(random());
      const name = `${pick(WORDS)} ${pick(SUFFIXES)} ${i}`;
      const domain = `customer${i}.example`;
      insert.org.run(id, "customer", name, cloud, "US", domain, null, null, 0, now - 1500 * DAY);
      const ga = `usr_C${pad(i)}`;
      insert.user.run(ga, `ga@customer${i}.example`, `Global admin ${i}`, now, now);
      insert.member.run(`mem_C${pad(i)}`, id, ga, JSON.stringify(["global_admin"]), now);
      customers.push({ id, name, domain, cloud, admin: ga, adminEmail: `ga@customer${i}.example` });
    }
  })();

  /** Each customer's partners: the bench partner for every other customer, the rest from its own cloud (rule 7). */
  const links: { partner: Org; customer: Org & { domain: string } }[] = [];
  const seen = new Set<string>();
  for (let i = 0; links.length < RESELLER_RELATIONSHIPS && i < RESELLER_RELATIONSHIPS * 3; i++) {
    const customer = customers[i % customers.length];
    const partner = i % 2 === 0 && i < customers.length ? partners[0] : pick(byCloud.get(customer.cloud) ?? partners.slice(0, 1));
    if (partner.cloud !== customer.cloud || seen.has(`${partner.id}/${customer.id}`)) continue;
    seen.add(`${partner.id}/${customer.id}`);
    links.push({ partner, customer });
  }

  sqlite.transaction(() => {
    links.forEach(({ partner, customer }, i) => {
      const created = now - Math.floor(random() * 1400) * DAY;
      const ended = i % 10 === 9;
      insert.rel.run(
        `rel_L${pad(i)}`,
        partner.id,
        customer.id,
        ended ? "ended" : "active",
        created,
        ended ? created + 200 * DAY : null,
        customer.name,
        customer.domain,
      );
    });
    for (let i = 0; i < ADMIN_RELATIONSHIPS; i++) {
      const { partner, customer } = links[i % links.length];
      const state = STATES[i % STATES.length];
      const duration = pick([30, 90, 180, 365, 730]);
      const requested = now - Math.floor(random() * 700) * DAY;
      const active = state !== "approvalPending" && state !== "rejected" && state !== "lapsed";
      // Relationships in force end between today and their full duration, so the expiring views are populated.
      const endsAt = active
        ? state === "expired" || state === "terminated"
          ? requested + duration * DAY
          : now + Math.floor(random() * (state === "expiring" ? 30 : duration)) * DAY + 3_600_000
        : null;
      const name = `Admin ${i} for ${customer.name}`.slice(0, 50);
      insert.admin.run(
        `gdap_L${pad(i)}`,
        partner.id,
        customer.id,
        name,
        name.toLowerCase(),
        JSON.stringify(pick(ROLE_SETS)),
        duration,
        state,
        partner.admin,
        requested,
        requested,
        active ? requested + DAY : null,
        endsAt,
        state === "expired" || state === "terminated" || state === "rejected" || state === "lapsed"
          ? (endsAt ?? requested + 10 * DAY)
          : null,
      );
    }
    for (let i = 0; i < SUBSCRIPTIONS; i++) {
      const { partner, customer } = links[(i * 7) % links.length];
      const channel = i % 6 === 0 ? "direct" : i % 6 === 1 ? "enterprise_agreement" : "partner";
      insert.sub.run(
        `sub_L${pad(i)}`,
        customer.id,
        pick(PRODUCTS),
        1 + Math.floor(random() * 500),
        i % 20 === 0 ? "suspended" : "active",
        channel,
        channel === "partner" ? partner.id : null,
        now + Math.floor(random() * 365) * DAY,
        now - 400 * DAY,
      );
    }
    for (let i = 0; i < INVITATIONS; i++) {
      const { partner, customer } = links[(i * 3) % links.length];
      const created = now - Math.floor(random() * 60) * DAY;
      const state = pick(["sent", "opened", "accepted", "accepted", "declined", "revoked"] as const);
      const hash = createHash("sha256").update(`large-${i}`).digest("hex");
      insert.inv.run(
        `inv_L${pad(i)}`,
        partner.id,
        `it${i}@${customer.id.toLowerCase()}.example`,
        hash,
        state,
        partner.admin,
        created,
        created,
        created + 14 * DAY,
        state === "accepted" ? customer.id : null,
      );
    }
  })();

  // Activity: a fifth on the bench partner, the rest spread; newest last, as the log grows.
  const benchLinks = links.filter((l) => l.partner === partners[0]);
  const BATCH = 100_000;
  for (let start = 0; start < AUDIT; start += BATCH) {
    sqlite.transaction(() => {
      for (let i = start; i < Math.min(AUDIT, start + BATCH); i++) {
        const { partner, customer } = i % 5 === 0 ? benchLinks[(i / 5) % benchLinks.length] : links[i % links.length];
        const org = i % 5 === 0 ? partners[0] : partner;
        const action = AUDIT_ACTIONS[i % AUDIT_ACTIONS.length];
        insert.audit.run(
          org.id,
          customer.id,
          org.admin,
          org.adminEmail,
          action,
          "organization",
          customer.id,
          JSON.stringify({ customer: customer.name, partner: org.name, email: customer.adminEmail }),
          now - (AUDIT - i) * 60_000,
        );
      }
    })();
  }

  const count = (table: string) => (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  return {
    partners: count("organizations where kind = 'partner'"),
    customers: count("organizations where kind = 'customer'"),
    reseller_relationships: count("reseller_relationships"),
    admin_relationships: count("admin_relationships"),
    subscriptions: count("subscriptions"),
    invitations: count("invitations"),
    audit_events: count("audit_events"),
    bench_partner_customers: (
      sqlite.prepare("select count(*) as n from reseller_relationships where partner_id = ?").get(BENCH_PARTNER_ID) as { n: number }
    ).n,
  };
}
