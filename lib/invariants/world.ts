import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { ENGINE } from "@/db/engine";
import { resellerRelationships } from "@/db/schema";
import { rawRun } from "@/lib/testing/raw";
import type { Actor } from "@/lib/auth/membership";
import type { Cloud, PartnerType } from "@/db/values/organizations";
import { CLOUDS } from "@/db/values/organizations";
import { acceptInvitation } from "@/lib/invitations/respond";
import { createInvitation } from "@/lib/invitations/service";
import { authorizePartnership, invitePartnership } from "@/lib/partnerships/service";
import { addCustomer, addMember, addPartner, addProduct, addSubscription, addUser, testContext } from "@/lib/testing/fixtures";
import { execute } from "@/lib/operations/execute";

/**
 * The world every invariant run starts from: partners of every type in every cloud, their
 * customers, subscriptions bought every way, catalog products, and the relationships the
 * real flows make (lib/invariants/operations.ts runs the operations on it).
 */
const PARTNERS: { key: string; type: PartnerType; cloud: Cloud }[] = [
  { key: "direct-global", type: "direct", cloud: "global" },
  { key: "provider-global", type: "indirect_provider", cloud: "global" },
  { key: "reseller-global", type: "indirect_reseller", cloud: "global" },
  { key: "provider-germany", type: "indirect_provider", cloud: "germany" },
  { key: "reseller-germany", type: "indirect_reseller", cloud: "germany" },
  { key: "direct-china", type: "direct", cloud: "china" },
  { key: "direct-usgov", type: "direct", cloud: "usgov" },
];
const CUSTOMERS: { key: string; cloud: Cloud }[] = [
  { key: "c1", cloud: "global" },
  { key: "c2", cloud: "global" },
  { key: "c3", cloud: "germany" },
  { key: "c4", cloud: "china" },
  { key: "c5", cloud: "usgov" },
];

export type World = Awaited<ReturnType<typeof buildWorld>>;

export async function buildWorld() {
  const t = await testContext();
  const db = t.ctx.db;
  // One after the other: ids and seats come out the same for a given seed.
  const partners: ((typeof PARTNERS)[number] & { id: string; publicId: string; admin: Actor })[] = [];
  for (const [i, p] of PARTNERS.entries()) {
    const id = await addPartner(db, { name: p.key, domain: `${p.key}.example`, type: p.type, cloud: p.cloud, publicId: String(1000 + i) });
    const admin = await addMember(db, id, `admin@${p.key}.example`, ["account_admin", "admin_agent", "sales_agent"]);
    partners.push({ ...p, id, publicId: String(1000 + i), admin });
  }
  const customers: ((typeof CUSTOMERS)[number] & { id: string; ga: Actor })[] = [];
  for (const c of CUSTOMERS) {
    const id = await addCustomer(db, { name: c.key, domain: `${c.key}.example`, cloud: c.cloud });
    customers.push({ ...c, id, ga: await addMember(db, id, `ga@${c.key}.example`, ["global_admin"]) });
  }
  // Subscriptions bought every way: from the cloud's direct partner (and c2 from the global reseller), directly, under an enterprise agreement.
  for (const c of customers) {
    const direct = partners.find((p) => p.cloud === c.cloud && p.type === "direct");
    if (direct) await addSubscription(db, c.id, `${direct.key} product for ${c.key}`, direct.id);
    if (c.key === "c2") await addSubscription(db, c.id, "Reseller product for c2", partners.find((p) => p.key === "reseller-global")!.id);
    await addSubscription(db, c.id, `Direct product for ${c.key}`, null);
  }
  await rawRun(db, "update subscriptions set purchase_channel = 'enterprise_agreement' where product like 'Direct product for c1%'");
  const strangers = [await addUser(db, "new1@fresh.example"), await addUser(db, "new2@fresh.example")];
  // Two catalog products per cloud: what the subscription operations sell and record.
  const products: { cloud: Cloud; id: string }[] = [];
  for (const cloud of CLOUDS)
    for (const name of ["Suite", "Analytics"]) products.push({ cloud, id: await addProduct(db, { name: `${name} (${cloud})`, cloud }) });
  const w = {
    t,
    partners,
    customers,
    strangers,
    products,
    tokens: [] as { id: string; token: string; email: string }[],
    partnershipTokens: [] as { token: string; email: string }[],
    domains: 0,
    /** Who the last subscription operation acted for: the invariant allows it to change only its own. */
    subscriptionActor: null as { side: "partner" | "customer"; id: string } | null,
  };
  // A starting point reached through the real flows: every customer works with its cloud's
  // direct partner, and the global reseller sells to c2 through its provider.
  const byKey = (key: string) => partners.find((p) => p.key === key)!;
  for (const c of customers) {
    const direct = partners.find((p) => p.cloud === c.cloud && p.type === "direct");
    if (!direct) continue;
    const { token } = await execute(createInvitation, t.ctx, direct.admin, {
      partnerId: direct.id,
      email: c.ga.email,
      message: null,
      locale: "en",
    });
    await execute(acceptInvitation, t.ctx, c.ga, { token, target: "existing", customerId: c.id, agreement: "on" });
  }
  const [provider, reseller] = [byKey("provider-global"), byKey("reseller-global")];
  await execute(authorizePartnership, t.ctx, reseller.admin, {
    token: (
      await execute(invitePartnership, t.ctx, provider.admin, {
        providerId: provider.id,
        email: reseller.admin.email,
        resellerPartnerId: reseller.publicId,
        locale: "en",
      })
    ).token,
  });
  const c2 = customers.find((c) => c.key === "c2")!;
  const { token } = await execute(createInvitation, t.ctx, reseller.admin, {
    partnerId: reseller.id,
    email: c2.ga.email,
    message: null,
    locale: "en",
    providerId: provider.id,
  });
  await execute(acceptInvitation, t.ctx, c2.ga, { token, target: "existing", customerId: c2.id, agreement: "on" });
  return w;
}

export const partnerOf = (w: World, id: string) => w.partners.find((x) => x.id === id)!;
export const customerOf = (w: World, id: string) => w.customers.find((x) => x.id === id);

/**
 * Rows in insertion order (ids are random), so that a seed replays the same walk: SQLite's
 * rowid. PostgreSQL has no stable insertion order (an update moves a row): there rows come
 * by creation time, ties by id, and a seed's walk may differ where the clock did not move.
 */
export const inOrder = ENGINE === "postgres" ? sql`created_at, id` : sql`rowid`;

/** The active reseller relationships, in insertion order. */
export async function activeRelationshipPairs(db: Db): Promise<{ partnerId: string; customerId: string }[]> {
  return await db
    .select({ partnerId: resellerRelationships.partnerId, customerId: resellerRelationships.customerId })
    .from(resellerRelationships)
    .where(eq(resellerRelationships.state, "active"))
    .orderBy(inOrder);
}
