import { firstRow } from "@/db/query";
import type { Db } from "@/db/client";
import { rawAll, rawValue } from "./raw";
import { testDatabase } from "./test-database";
import { memberships, organizations, products, securityGroups, subscriptions, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/membership";
import type { MemberRole } from "@/db/values/roles";
import type { ServiceContext } from "@/lib/context";
import { ensureDefaultGroups } from "@/lib/access/groups";
import { acceptInvitation } from "@/lib/invitations/respond";
import { createInvitation } from "@/lib/invitations/service";
import { authorizePartnership, invitePartnership } from "@/lib/partnerships/service";
import { newId } from "@/lib/ids";
import { addOperator, operatorOrganization } from "@/lib/operator/bootstrap";
import { and, eq } from "drizzle-orm";
import type { Cloud, PartnerType } from "@/db/values/organizations";
import { execute } from "@/lib/operations/execute";

/** A service context on a fresh database with the real migrations (lib/testing/test-database.ts), and a clock tests can move. */
export async function testContext(start = new Date("2026-01-15T10:00:00Z")) {
  let now = start;
  const ctx: ServiceContext = {
    db: await testDatabase(),
    now: () => now,
    config: { invitationTtlDays: 14, publicBaseUrl: "http://localhost:3000" },
  };
  return {
    ctx,
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
  };
}

export const DAY = 86_400_000;

export async function addPartner(
  db: Db,
  o: { name: string; cloud?: Cloud; domain: string; type?: PartnerType; csp?: boolean; publicId?: string },
) {
  const id = newId("org");
  await db.insert(organizations).values({
    id,
    kind: "partner",
    name: o.name,
    cloud: o.cloud ?? "global",
    country: "US",
    primaryDomain: o.domain,
    partnerType: o.type ?? "direct",
    partnerPublicId: o.publicId ?? String(Math.floor(Math.random() * 1e9)),
    isCspTransactionTenant: o.csp ?? true,
    createdAt: new Date(),
  });
  await ensureDefaultGroups(db, id, new Date());
  return id;
}

export async function addCustomer(db: Db, o: { name: string; cloud?: Cloud; domain: string; corporateOf?: string }) {
  const id = newId("org");
  await db.insert(organizations).values({
    id,
    kind: "customer",
    name: o.name,
    cloud: o.cloud ?? "global",
    country: "US",
    primaryDomain: o.domain,
    corporateOfPartnerId: o.corporateOf ?? null,
    createdAt: new Date(),
  });
  return id;
}

/** A user (created on first use) who is a member of the organization with these roles. */
export async function addMember(db: Db, organizationId: string, email: string, roles: MemberRole[]): Promise<Actor> {
  let user = (await db.select().from(users)).find((u) => u.email === email);
  if (!user) {
    user = { id: newId("usr"), email, name: null, emailVerified: null, image: null, locale: "en", createdAt: new Date() };
    await db.insert(users).values(user);
  }
  await db.insert(memberships).values({ id: newId("mem"), organizationId, userId: user.id, roles, createdAt: new Date() });
  return { userId: user.id, email };
}

/** One of the operator's people with these roles; the first call makes the operator organization (as `npm run operator:add` does). */
export async function addOperatorMember(db: Db, email: string, roles: MemberRole[] = ["operator_admin"]): Promise<Actor> {
  const existing = await operatorOrganization(db);
  if (existing) return await addMember(db, existing.id, email, roles);
  const { organizationId } = await addOperator(db, email, new Date("2026-01-01T00:00:00Z"));
  const user = (await firstRow(db.select().from(users).where(eq(users.email, email))))!;
  await db
    .update(memberships)
    .set({ roles })
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, user.id)));
  return { userId: user.id, email };
}

/** A product in a cloud's catalog. */
export async function addProduct(db: Db, o: { name: string; cloud?: Cloud; supportable?: boolean }) {
  const id = newId("prd");
  await db.insert(products).values({
    id,
    cloud: o.cloud ?? "global",
    name: o.name,
    nameKey: o.name.toLowerCase(),
    supportable: o.supportable ?? true,
    available: true,
    createdAt: new Date(),
  });
  return id;
}

/** The same person as just signed in by an emailed link: what approving Global Administrator asks for. */
export function signedInAt(actor: Actor, when: Date): Actor {
  return { ...actor, signedInAt: when };
}

/** A signed-in person with no membership anywhere (someone who just followed an email link). */
export async function addUser(db: Db, email: string): Promise<Actor> {
  const id = newId("usr");
  await db.insert(users).values({ id, email, locale: "de", createdAt: new Date() });
  return { userId: id, email };
}

export async function addSubscription(db: Db, customerId: string, product: string, partnerOfRecordId: string | null) {
  const id = newId("sub");
  await db.insert(subscriptions).values({
    id,
    customerId,
    product,
    seats: 10,
    state: "active",
    purchaseChannel: partnerOfRecordId ? "partner" : "direct",
    partnerOfRecordId,
    termEndsAt: new Date("2027-01-01T00:00:00Z"),
    createdAt: new Date("2025-01-01T00:00:00Z"),
  });
  return id;
}

/** Every stored value of a table, in a stable order: compare two of these to prove nothing changed. */
export async function dumpTable(db: Db, table: string): Promise<string> {
  return JSON.stringify(await rawAll(db, `select * from ${table} order by 1, 2`));
}

export async function count(db: Db, table: string): Promise<number> {
  return (await rawValue<number>(db, `select cast(count(*) as integer) from ${table}`)) ?? 0;
}

/** Runs fn (sync or async) and returns the DomainError code it threw or rejected with (or "no error"). */
export async function codeOf(fn: () => unknown): Promise<string> {
  try {
    await fn();
    return "no error";
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

/**
 * A partner (with an Admin agent) and a customer (with a Global administrator) joined by an
 * active reseller relationship, made through the real invitation flow.
 */
export async function relatedPartnerAndCustomer(ctx: ServiceContext, opts: { cloud?: Cloud; suffix?: string } = {}) {
  const s = opts.suffix ?? "";
  const partner = await addPartner(ctx.db, { name: "Northwind", domain: `northwind${s}.example`, cloud: opts.cloud });
  const agent = await addMember(ctx.db, partner, `agent@northwind${s}.example`, ["admin_agent"]);
  const customer = await addCustomer(ctx.db, { name: "Adventure Works", domain: `adventure${s}.example`, cloud: opts.cloud });
  const ga = await addMember(ctx.db, customer, `olivia@adventure${s}.example`, ["global_admin"]);
  const { token } = await execute(createInvitation, ctx, agent, { partnerId: partner, email: ga.email, message: null, locale: "en" });
  await execute(acceptInvitation, ctx, ga, { token, target: "existing", customerId: customer, agreement: "on" });
  return { partner, agent, customer, ga };
}

/** A partner's security groups by name ("Admin Agents" → its id). */
export async function groupsOf(db: Db, partnerId: string): Promise<Record<string, string>> {
  const rows = await db.select().from(securityGroups).where(eq(securityGroups.partnerId, partnerId));
  return Object.fromEntries(rows.map((g) => [g.name, g.id]));
}

/**
 * An indirect provider and an indirect reseller of one cloud, each with an Account admin,
 * joined by an active partnership made through the real invite-and-authorize flow.
 */
export async function partneredProviderAndReseller(ctx: ServiceContext, opts: { cloud?: Cloud; suffix?: string } = {}) {
  const s = opts.suffix ?? "";
  const provider = await addPartner(ctx.db, {
    name: `Contoso${s}`,
    domain: `contoso${s}.example`,
    cloud: opts.cloud,
    type: "indirect_provider",
  });
  const providerAdmin = await addMember(ctx.db, provider, `pieter@contoso${s}.example`, ["account_admin", "admin_agent"]);
  const resellerPublicId = `73${s}${Math.floor(Math.random() * 1e6)}`;
  const reseller = await addPartner(ctx.db, {
    name: `Litware${s}`,
    domain: `litware${s}.example`,
    cloud: opts.cloud,
    type: "indirect_reseller",
    publicId: resellerPublicId,
  });
  const resellerAdmin = await addMember(ctx.db, reseller, `lena@litware${s}.example`, ["account_admin", "sales_agent"]);
  const { token, partnership } = await execute(invitePartnership, ctx, providerAdmin, {
    providerId: provider,
    email: resellerAdmin.email,
    resellerPartnerId: resellerPublicId,
    locale: "en",
  });
  await execute(authorizePartnership, ctx, resellerAdmin, { token });
  return { provider, providerAdmin, reseller, resellerAdmin, resellerPublicId, partnershipId: partnership.id };
}
